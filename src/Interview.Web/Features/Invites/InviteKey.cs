namespace Interview.Web.Features.Invites;

/// <summary>The key that signs invite tokens: from <see cref="InviteOptions.SigningKey"/>, or generated once and
/// kept (owner-readable only) in the data directory so invites survive restarts.</summary>
public sealed class InviteKey(byte[] bytes)
{
    public const string FileName = "invite-signing.key";

    public byte[] Bytes { get; } = bytes;

    public static InviteKey Load(string? configured, string dataDir)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try { key = Convert.FromBase64String(configured.Trim()); }
            catch (FormatException) { throw new InvalidOperationException("Invites:SigningKey must be base64 (at least 32 bytes)."); }
            if (key.Length < 32) throw new InvalidOperationException("Invites:SigningKey must be at least 32 bytes (base64).");
            return new InviteKey(key);
        }
        var path = Path.Combine(dataDir, FileName);
        if (File.Exists(path)) return new InviteKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(fresh));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temp, path); }
        catch (IOException) when (File.Exists(path)) { File.Delete(temp); } // another host process won the race: use its key
        return new InviteKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
