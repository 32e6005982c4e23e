using System.Globalization;
using System.Text.Json.Nodes;
using Sei.Generators.Model;

namespace Sei.Testing.Engine;

/// <summary>
/// Values of a document's types, made up deterministically: the same seed, place and index give the
/// same value on every run and machine, so a test that reads one can assert on it. Every member is
/// filled (required and optional), enumerations take their declared values, unions one of their
/// alternatives with its discriminator, and nesting stops at a depth past which only required members
/// are written, so recursive schemas end.
/// </summary>
internal sealed class SampleJson
{
    private const int FullDepth = 4;
    private const int MaxDepth = 12;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServerDocument _document;
    private readonly int _seed;

    public SampleJson(ServerDocument document, int seed)
    {
        _document = document;
        _seed = seed;
    }

    /// <summary>A value of a type.</summary>
    /// <param name="type">The type.</param>
    /// <param name="place">Where the value stands (an operation and a member path), which varies it.</param>
    /// <param name="index">Which value of that place (the item's position in a list), which varies it too.</param>
    public JsonNode? Value(TypeRef type, string place, int index) => Value(type, place, index, 0);

    private JsonNode? Value(TypeRef type, string place, int index, int depth)
    {
        var n = Number(place, index);
        switch (type.Kind)
        {
            case TypeKind.String:
            case TypeKind.Any:
                return JsonValue.Create(Leaf(place) + "-" + (index + 1).ToString(CultureInfo.InvariantCulture));
            case TypeKind.Boolean:
                return JsonValue.Create(n % 2 == 0);
            case TypeKind.Int32:
            case TypeKind.Int64:
                return JsonValue.Create(1 + (n % 1000));
            case TypeKind.Single:
            case TypeKind.Double:
            case TypeKind.Decimal:
                return JsonValue.Create(1 + (n % 1000) + 0.25m);
            case TypeKind.Guid:
                return JsonValue.Create(new Guid(n, (short)index, (short)_seed, 0x8a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77).ToString());
            case TypeKind.DateTime:
                return JsonValue.Create(Epoch.AddMinutes(n % 500_000).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case TypeKind.Date:
                return JsonValue.Create(Epoch.AddDays(n % 3650).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case TypeKind.Uri:
                return JsonValue.Create("https://sei.test/" + Leaf(place) + "/" + (index + 1).ToString(CultureInfo.InvariantCulture));
            case TypeKind.Bytes:
            case TypeKind.File:
                return JsonValue.Create(Convert.ToBase64String(BitConverter.GetBytes(n)));
            case TypeKind.Array:
                var array = new JsonArray();
                var count = depth >= FullDepth ? 0 : 2;
                for (var i = 0; i < count; i++)
                {
                    array.Add(Value(type.Element!, place + "[]", (index * 2) + i, depth + 1));
                }

                return array;
            case TypeKind.Map:
                var map = new JsonObject();
                if (depth < FullDepth)
                {
                    map["key" + (index + 1).ToString(CultureInfo.InvariantCulture)] = Value(type.Element!, place + "{}", index, depth + 1);
                }

                return map;
            case TypeKind.Named:
                return Named(type, place, index, depth);
            default:
                return null;
        }
    }

    private JsonNode? Named(TypeRef type, string place, int index, int depth)
    {
        switch (_document.Find(type.Name))
        {
            case EnumDeclaration { Members.Count: > 0 } enumeration:
                var member = enumeration.Members[Number(place, index) % enumeration.Members.Count];
                return enumeration.IsInteger
                    ? JsonValue.Create(long.Parse(member.WireValue, CultureInfo.InvariantCulture))
                    : JsonValue.Create(member.WireValue);
            case ObjectDeclaration declaration:
                return Object(declaration, place, index, depth);
            case UnionDeclaration { Variants.Count: > 0 } union:
                var variant = union.Variants[Number(place, index) % union.Variants.Count];
                var value = Value(variant.Type, place, index, depth);
                if (union.DiscriminatorProperty is { } property && variant.DiscriminatorValues.Count > 0 && value is JsonObject tagged)
                {
                    tagged[property] = variant.DiscriminatorValues[0];
                }

                return value;
            default:
                return JsonValue.Create(Leaf(place) + "-" + (index + 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    private JsonObject Object(ObjectDeclaration declaration, string place, int index, int depth)
    {
        var value = new JsonObject();
        foreach (var property in declaration.Properties)
        {
            // Past a depth, only what the type requires: a recursive schema ends where its optional members do.
            if (depth >= FullDepth && !property.IsRequired)
            {
                continue;
            }

            if (depth >= MaxDepth)
            {
                break;
            }

            value[property.JsonName] = Value(property.Type, place + "." + property.JsonName, index, depth + 1);
        }

        if (declaration.DiscriminatorProperty is { } discriminator && declaration.DiscriminatorValues.Count > 0)
        {
            value[discriminator] = declaration.DiscriminatorValues[0];
        }

        return value;
    }

    /// <summary>The last member name of a place, which a string value repeats so that a reader sees where it came from.</summary>
    private static string Leaf(string place)
    {
        var trimmed = place.TrimEnd('[', ']', '{', '}');
        var dot = trimmed.LastIndexOf('.');
        return dot < 0 ? trimmed : trimmed.Substring(dot + 1);
    }

    /// <summary>A number from the seed, the place and the index: FNV-1a, which is the same on every run (string.GetHashCode is not).</summary>
    private int Number(string place, int index)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)_seed;
            foreach (var c in place)
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash = (hash ^ (uint)index) * 16777619u;
            return (int)(hash & 0x7fffffff);
        }
    }
}
