using Microsoft.Extensions.Options;

namespace Interview.Web.Shared.Hosting;

public static class OptionsSetup
{
    /// <summary>Binds <typeparamref name="T"/> to a configuration section, validated by its data annotations at start-up.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this WebApplicationBuilder builder, string section) where T : class =>
        builder.Services.AddOptions<T>()
            .Bind(builder.Configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
