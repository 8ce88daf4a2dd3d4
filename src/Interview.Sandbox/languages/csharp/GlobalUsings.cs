// The implicit usings of an SDK console project, so that Program.cs compiles as it would in `dotnet new console`.
global using System;
global using System.Collections.Generic;
global using System.IO;
global using System.Linq;
global using System.Net.Http;
global using System.Threading;
global using System.Threading.Tasks;
