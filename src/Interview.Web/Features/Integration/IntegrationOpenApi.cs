using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Interview.Web.Features.Integration;

/// <summary>Describes the API and its bearer authentication in the OpenAPI document.</summary>
internal sealed class IntegrationOpenApi : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Interview integration API",
            Version = "v1",
            Description = "Create rooms, mint invite links for named users with roles, list active sessions. " +
                "Every call needs `Authorization: Bearer <JWT>` (HS256; issuer, audience and key from Integration:Jwt; " +
                "claims userId, role (interviewer or admin), testId?). See docs/integration-api.md.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "HS256 JWT signed with Integration:Jwt:SigningKey.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
