using System.Reflection;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Audits the generic engine endpoints (task, case, message, incident, definition operations), which call the engine
/// directly rather than through a Mediator command: each changing request (POST, PUT, PATCH, DELETE) runs in one
/// transaction with its audit entry, exactly as <see cref="AuditBehavior{TMessage,TResponse}"/> does for commands.
/// A refused or failed request rolls its work back and its entry is written in a short transaction of its own.
/// The action is the HTTP method and route (<c>POST tasks/{id:guid}/claim</c>); the data is the bound arguments.
/// </summary>
public static class AuditedEndpoints
{
    /// <summary>Audits every changing endpoint of the group (or endpoint); <paramref name="subjectType"/> names what the route id is.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string subjectType) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) return await next(context);
            var services = http.RequestServices;
            var db = services.GetRequiredService<AppDbContext>();
            if (db.Database.CurrentTransaction is not null) return await next(context);

            var record = Describe(context, subjectType, services.GetRequiredService<AuditActorSource>().Current());
            var log = services.GetRequiredService<IAuditLog>();
            var transaction = await db.Database.BeginTransactionAsync(http.RequestAborted);
            await using (transaction)
            {
                object? result;
                try
                {
                    result = await next(context);
                    await db.SaveChangesAsync(http.RequestAborted);
                }
                catch (Exception exception)
                {
                    var (outcome, text) = AuditOutcomes.Classify(exception);
                    await RecordApartAsync(services, db, record with { Outcome = outcome, OutcomeMessage = text });
                    throw;
                }

                if (RefusalOf(result) is { } refusal)
                {
                    await RecordApartAsync(services, db, record with { Outcome = AuditOutcome.Refused, OutcomeMessage = refusal });
                    return result;
                }

                await log.AppendAsync(record, http.RequestAborted);
                await transaction.CommitAsync(http.RequestAborted);
                return result;
            }
        });

    private static AuditRecord Describe(EndpointFilterInvocationContext context, string subjectType, AuditActor actor)
    {
        var http = context.HttpContext;
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        var route = endpoint?.RoutePattern.RawText?.TrimStart('/') ?? http.Request.Path.Value ?? "";
        if (route.StartsWith("api/", StringComparison.Ordinal)) route = route["api/".Length..];
        var subjectId = http.Request.RouteValues.TryGetValue("id", out var id) ? id?.ToString()
            : http.Request.RouteValues.TryGetValue("key", out var key) ? key?.ToString() : null;
        return new AuditRecord(
            AuditRecord.Fit(actor.Name, 256),
            AuditRecord.Fit(actor.Roles, 500),
            AuditRecord.Fit($"{http.Request.Method} {route}", 200),
            subjectType,
            subjectId is null ? null : AuditRecord.Fit(subjectId, 200),
            AuditData.Summarise(Arguments(context, endpoint)),
            AuditOutcome.Succeeded,
            null);
    }

    /// <summary>The request's own arguments by parameter name; services, the user and the cancellation token are left out, files by name and size.</summary>
    private static Dictionary<string, object?> Arguments(EndpointFilterInvocationContext context, Endpoint? endpoint)
    {
        var parameters = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        var data = new Dictionary<string, object?>();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var name = i < parameters.Length ? parameters[i].Name ?? $"arg{i}" : $"arg{i}";
            switch (context.Arguments[i])
            {
                case null:
                    break;
                case IFormFile file:
                    data[name] = new { file.FileName, file.ContentType, file.Length };
                    break;
                case string or Guid or bool or int or long or double or decimal or DateTime or DateTimeOffset or DateOnly or Enum or JsonNode:
                    data[name] = context.Arguments[i];
                    break;
                case var value when value.GetType().Namespace?.StartsWith("ApprovalFlow.", StringComparison.Ordinal) == true
                                    && value.GetType().Name.EndsWith("Request", StringComparison.Ordinal):
                    data[name] = value;
                    break;
            }
        }
        return data;
    }

    private static string? RefusalOf(object? result)
    {
        if (result is not IStatusCodeHttpResult { StatusCode: >= 400 } status) return null;
        var detail = result switch
        {
            ProblemHttpResult problem => problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title,
            ValidationProblem validation => string.Join(" ", validation.ProblemDetails.Errors.SelectMany(e => e.Value)),
            _ => null,
        };
        return AuditRecord.Fit(detail ?? $"Answered {status.StatusCode}.", 2000);
    }

    private static Task RecordApartAsync(IServiceProvider services, AppDbContext db, AuditRecord record) =>
        AuditApart.WriteAsync(db, services.GetRequiredService<IServiceScopeFactory>(), record,
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditedEndpoints)));
}
