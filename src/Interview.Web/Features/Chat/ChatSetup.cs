namespace Interview.Web.Features.Chat;

public static class ChatSetup
{
    public static void AddChat(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<ChatOptions>()
            .Bind(builder.Configuration.GetSection(ChatOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
