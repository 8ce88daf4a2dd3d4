namespace Interview.Sandbox;
public interface ICodeRunner { }
