Console.WriteLine("OK");
Console.Out.Write(Console.In.ReadToEnd());
