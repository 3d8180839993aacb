using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ApprovalFlow.Web.Features.Audit;

/// <summary>
/// Turns a command into the JSON kept in the log: properties marked <see cref="NotAuditedAttribute"/> and binary
/// content are left out, and anything whose name says it is a secret (password, token, secret, API key…) is
/// replaced by <c>"***"</c> at any depth, dictionary keys included, so a credential never reaches the log.
/// </summary>
public static class AuditData
{
    public const string Masked = "***";

    private static readonly string[] SecretNameParts =
        ["password", "passwd", "secret", "token", "apikey", "credential", "privatekey", "connectionstring"];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        // Chinese names and notes stay readable in the table.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutUnaudited } },
    };

    public static string Summarise(object command)
    {
        JsonNode? node;
        try
        {
            node = JsonSerializer.SerializeToNode(command, command.GetType(), Options);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            // A field that cannot be written as JSON must not stop the command; say so in the entry instead.
            return new JsonObject { ["$unrecorded"] = $"{command.GetType().Name} could not be written as JSON." }
                .ToJsonString(Options);
        }
        Mask(node);
        return node?.ToJsonString(Options) ?? "null";
    }

    public static bool IsSecretName(string name)
    {
        var plain = name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return SecretNameParts.Any(part => plain.Contains(part, StringComparison.OrdinalIgnoreCase));
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name))
                    {
                        if (obj[name] is not null) obj[name] = Masked;
                    }
                    else
                    {
                        Mask(obj[name]);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }
                break;
        }
    }

    private static void LeaveOutUnaudited(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var audited = typeof(IAuditedCommand).IsAssignableFrom(type.Type);
        foreach (var property in type.Properties)
        {
            var leaveOut =
                property.AttributeProvider?.IsDefined(typeof(NotAuditedAttribute), inherit: true) == true
                || IsBinary(property.PropertyType)
                // The subject has columns of its own.
                || (audited && property.AttributeProvider is MemberInfo member
                    && member.Name is nameof(IAuditedCommand.SubjectType) or nameof(IAuditedCommand.SubjectId));
            if (leaveOut)
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }

    private static bool IsBinary(Type type) =>
        typeof(Stream).IsAssignableFrom(type)
        || typeof(IFormFile).IsAssignableFrom(type)
        || type == typeof(byte[])
        || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Memory<byte>)
        || type == typeof(ReadOnlyMemory<byte>?) || type == typeof(Memory<byte>?);
}
