using Interview.Web.Shared.Hosting;
namespace Interview.Web.Features.Chat;

public static class ChatSetup
{
    public static void AddChat(this WebApplicationBuilder builder) =>
        builder.AddSettings<ChatOptions>(ChatOptions.Section);
}
