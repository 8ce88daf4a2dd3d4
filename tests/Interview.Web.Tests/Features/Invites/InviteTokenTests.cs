using System.Security.Cryptography;
using Interview.Web.Features.Invites;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Tests.Features.Invites;

public sealed class InviteTokenTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly InviteClaims Claims = new("vabc", "room123456", ParticipantRole.Observer,
        DateTimeOffset.FromUnixTimeSeconds(2_000_000_000), "Olive", "u-1", "t-9");

    [Fact]
    public void A_token_round_trips_its_claims()
    {
        Assert.Equal(Claims, InviteToken.Read(InviteToken.Sign(Claims, Key), Key));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_rejected()
    {
        Assert.Null(InviteToken.Read(InviteToken.Sign(Claims, RandomNumberGenerator.GetBytes(32)), Key));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("abc.def.ghi")]
    [InlineData("!!!.???")]
    public void Malformed_tokens_are_rejected(string token) => Assert.Null(InviteToken.Read(token, Key));

    [Fact]
    public void Changing_any_character_of_the_signature_breaks_it()
    {
        var token = InviteToken.Sign(Claims, Key);
        var signatureStart = token.IndexOf('.') + 1;
        for (var i = signatureStart; i < token.Length; i++)
        {
            var other = token[i] == 'A' ? 'B' : 'A';
            Assert.Null(InviteToken.Read(token[..i] + other + token[(i + 1)..], Key));
        }
    }

    [Fact]
    public void A_generated_key_is_kept_in_the_data_dir_and_reused()
    {
        var dir = Directory.CreateTempSubdirectory("invite-key-").FullName;
        var first = InviteKey.Load(null, dir);
        var second = InviteKey.Load(null, dir);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(32, first.Bytes.Length);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, InviteKey.FileName)));
    }

    [Fact]
    public void A_configured_key_must_be_long_enough()
    {
        Assert.Throws<InvalidOperationException>(() => InviteKey.Load(Convert.ToBase64String(new byte[8]), "/nonexistent"));
        Assert.Equal(new byte[32], InviteKey.Load(Convert.ToBase64String(new byte[32]), "/nonexistent").Bytes);
    }
}
