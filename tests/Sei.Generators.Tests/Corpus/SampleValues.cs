using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sei.Generators.Tests.Corpus;

/// <summary>
/// Makes a plausible value of any type a generated method takes: primitives, extensible enums
/// (their first known value), lists, maps and model objects with their required members set. What
/// it cannot make it gives up on (returns null), and the caller leaves that argument out.
/// </summary>
internal static class SampleValues
{
    public static object? For(Type type, string hint, int depth = 0)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "s-" + new string(hint.Where(char.IsLetterOrDigit).Take(12).ToArray());
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(int))
        {
            return 7;
        }

        if (underlying == typeof(long))
        {
            return 7L;
        }

        if (underlying == typeof(double))
        {
            return 1.5d;
        }

        if (underlying == typeof(float))
        {
            return 1.5f;
        }

        if (underlying == typeof(decimal))
        {
            return 1.5m;
        }

        if (underlying == typeof(Guid))
        {
            return new Guid("6cfbfd80-60ef-04bb-8b67-95f164846a3d");
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        }

        if (underlying == typeof(DateTime))
        {
            return new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        }

        if (underlying == typeof(DateOnly))
        {
            return new DateOnly(2024, 1, 2);
        }

        if (underlying == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(5);
        }

        if (underlying == typeof(Uri))
        {
            return new Uri("https://example.com/" + hint);
        }

        if (underlying == typeof(byte[]))
        {
            return new byte[] { 1, 2, 3 };
        }

        if (underlying == typeof(Stream))
        {
            return new MemoryStream(new byte[] { 1, 2, 3 });
        }

        if (underlying == typeof(JsonElement))
        {
            return JsonDocument.Parse("{\"sample\":1}").RootElement.Clone();
        }

        if (depth > 3)
        {
            return null;
        }

        if (underlying.IsValueType && underlying.GetInterface("Sei.Client.ISeiEnumValue") is not null)
        {
            return underlying.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == underlying)?.GetValue(null);
        }

        if (underlying.IsGenericType)
        {
            var definition = underlying.GetGenericTypeDefinition();
            var arguments = underlying.GetGenericArguments();
            if (arguments.Length == 1 && (definition == typeof(IList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(ICollection<>) || definition == typeof(List<>)))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
                var item = For(arguments[0], hint, depth + 1);
                if (item is null)
                {
                    return null;
                }

                list.Add(item);
                return list;
            }

            if (arguments.Length == 2 && arguments[0] == typeof(string) && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>)))
            {
                var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                var value = For(arguments[1], hint, depth + 1);
                if (value is null)
                {
                    return null;
                }

                map["k"] = value;
                return map;
            }
        }

        if (underlying.IsClass && !underlying.IsAbstract && underlying.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            return Model(underlying, constructor, depth, requiredOnly: depth > 0, out _);
        }

        // A union: the first alternative it can be made from, through its implicit conversion.
        var conversion = underlying.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m => m.Name == "op_Implicit" && m.ReturnType == underlying && For(m.GetParameters()[0].ParameterType, hint, depth + 1) is not null);
        return conversion is null ? null : conversion.Invoke(null, new[] { For(conversion.GetParameters()[0].ParameterType, hint, depth + 1) });
    }

    /// <summary>An instance with its required members set, and (at the top) a few optional ones too; the members set are returned by their C# names.</summary>
    public static object? Model(Type type, ConstructorInfo constructor, int depth, bool requiredOnly, out List<string> set)
    {
        set = new List<string>();
        var instance = constructor.Invoke(null);
        var optional = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "AdditionalProperties"))
        {
            var isRequired = property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
            if (!isRequired && (requiredOnly || optional >= 3))
            {
                continue;
            }

            var value = For(property.PropertyType, property.Name, depth + 1);
            if (value is null)
            {
                if (isRequired && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
                {
                    return null;
                }

                continue;
            }

            property.SetValue(instance, value);

            // A nested model with nothing set sends nothing (an empty form group, say), so it is not expected on the wire.
            if (!IsEmptyModel(value))
            {
                set.Add(property.Name);
            }

            optional += isRequired ? 0 : 1;
        }

        return instance;
    }

    private static bool IsEmptyModel(object value)
    {
        var type = value.GetType();
        if (value is IList list)
        {
            return list.Cast<object?>().All(item => item is null || IsEmptyModel(item));
        }

        if (type.GetProperty("AdditionalProperties") is null)
        {
            return false;
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.Name != "AdditionalProperties" && p.GetIndexParameters().Length == 0)
            .All(p => p.GetValue(value) is null);
    }

    /// <summary>The text a value is sent as in a path or a query: what the expectations compare with.</summary>
    public static string Wire(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable formattable when value is not DateTimeOffset and not DateTime and not DateOnly => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ when value.GetType().GetInterface("Sei.Client.ISeiEnumValue") is not null => (string)value.GetType().GetProperty("WireValue")!.GetValue(value)!,
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// The percent-encoded text a path parameter is sent as in its default <c>simple</c> style: a primitive as
    /// <see cref="Wire"/> gives it, an array's items and an object's names and values (as they are in JSON)
    /// joined by commas.
    /// </summary>
    public static string EncodedPathWire(object value)
    {
        static string Text(JsonNode? node) => Uri.EscapeDataString(node is JsonValue leaf && leaf.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? string.Empty);
        if (value is string || (value is ValueType && value is not JsonElement))
        {
            return Uri.EscapeDataString(Wire(value));
        }

        return JsonNode.Parse(value is JsonElement element ? element.GetRawText() : System.Text.Json.JsonSerializer.Serialize(value, value.GetType())) switch
        {
            JsonArray array => string.Join(",", array.Select(Text)),
            JsonObject obj => string.Join(",", obj.Where(p => p.Value is not null).SelectMany(p => new[] { Uri.EscapeDataString(p.Key), Text(p.Value) })),
            var other => Text(other),
        };
    }

    /// <summary>Whether a value, written as JSON, holds anything to send: a model with nothing set, or a list of such, holds nothing.</summary>
    public static bool HasContent(object value)
    {
        static bool Has(JsonNode? node) => node switch
        {
            null => false,
            JsonObject obj => obj.Any(p => Has(p.Value)),
            JsonArray array => array.Any(Has),
            _ => true,
        };

        return value is string || (value is ValueType && value is not JsonElement)
            || Has(JsonNode.Parse(value is JsonElement element ? element.GetRawText() : System.Text.Json.JsonSerializer.Serialize(value, value.GetType())));
    }

    /// <summary>A C# member name and a wire name match when they agree ignoring case and punctuation.</summary>
    public static string Normalize(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>The object a JSON node stands for, following one local <c>$ref</c> at a time.</summary>
    public static JsonObject? Resolve(JsonObject document, JsonNode? node)
    {
        for (var hops = 0; hops < 16 && node is JsonObject obj && obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal); hops++)
        {
            node = reference.Substring(2).Split('/').Aggregate((JsonNode?)document, (current, segment) => current?[segment.Replace("~1", "/").Replace("~0", "~")]);
        }

        return node as JsonObject;
    }
}
