namespace Interview.Web.Features.Editor;

/// <summary>A language of the editor: sandbox id, label, Monaco's mode id and the starter program.</summary>
public sealed record EditorLanguage(string Id, string Label, string MonacoId, string Template);

/// <summary>The languages offered in the room (ids as the sandbox's, DESIGN §4), with a starter template each.</summary>
public static class EditorLanguages
{
    public const string Default = "python";

    public static readonly IReadOnlyList<EditorLanguage> All =
    [
        new("python", "Python", "python", "def main():\n    print(\"Hello, world!\")\n\n\nif __name__ == \"__main__\":\n    main()\n"),
        new("javascript", "JavaScript", "javascript", "function main() {\n  console.log(\"Hello, world!\");\n}\n\nmain();\n"),
        new("typescript", "TypeScript", "typescript", "function main(): void {\n  console.log(\"Hello, world!\");\n}\n\nmain();\n"),
        new("c", "C", "c", "#include <stdio.h>\n\nint main(void) {\n    printf(\"Hello, world!\\n\");\n    return 0;\n}\n"),
        new("cpp", "C++", "cpp", "#include <iostream>\n\nint main() {\n    std::cout << \"Hello, world!\" << std::endl;\n    return 0;\n}\n"),
        new("java", "Java", "java", "public class Main {\n    public static void main(String[] args) {\n        System.out.println(\"Hello, world!\");\n    }\n}\n"),
        new("go", "Go", "go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"Hello, world!\")\n}\n"),
        new("csharp", "C#", "csharp", "using System;\n\nConsole.WriteLine(\"Hello, world!\");\n"),
        new("rust", "Rust", "rust", "fn main() {\n    println!(\"Hello, world!\");\n}\n"),
        new("bash", "Bash", "shell", "#!/usr/bin/env bash\necho \"Hello, world!\"\n"),
    ];

    public static EditorLanguage? Find(string? id) => All.FirstOrDefault(l => l.Id == id);

    /// <summary>True when <paramref name="text"/> is empty or still one of the untouched starter templates.</summary>
    public static bool IsBlankOrTemplate(string text) =>
        string.IsNullOrWhiteSpace(text) || All.Any(l => l.Template == text);
}
