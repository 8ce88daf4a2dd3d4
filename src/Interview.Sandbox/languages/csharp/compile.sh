#!/bin/sh
# Compiles Program.cs with the SDK's Roslyn compiler directly: no MSBuild, no project file, no NuGet restore
# (about ten times faster than `dotnet build`). Runs inside the sandbox, in the work directory.
set -eu
csc=$(ls -d "$DOTNET_ROOT"/sdk/*/Roslyn/bincore/csc.dll | sort -V | tail -n 1)
# Reference assemblies of the newest targeting pack; a runtime-only machine falls back to the implementation.
refs=$(ls -d "$DOTNET_ROOT"/packs/Microsoft.NETCore.App.Ref/*/ref/net*/ 2>/dev/null | sort -V | tail -n 1)
[ -n "$refs" ] || refs=$(ls -d "$DOTNET_ROOT"/shared/Microsoft.NETCore.App/*/ | sort -V | tail -n 1)
runtime=$(ls -d "$DOTNET_ROOT"/shared/Microsoft.NETCore.App/*/ | sort -V | tail -n 1)
version=$(basename "$runtime")
major=${version%%.*}
cat > Program.runtimeconfig.json <<JSON
{"runtimeOptions":{"tfm":"net$major.0","framework":{"name":"Microsoft.NETCore.App","version":"$major.0.0"}}}
JSON
set --
for dll in "$refs"*.dll; do set -- "$@" "-r:$dll"; done
exec "$DOTNET_ROOT/dotnet" "$csc" -nologo -noconfig -target:exe -out:Program.dll -optimize+ -langversion:latest \
  -nullable:enable -deterministic "$@" /lang/csharp/GlobalUsings.cs Program.cs
