namespace Sei.Benchmarks.Payloads;

/// <summary>The shapes the serializers are compared on (issue 11, goal 5).</summary>
public enum PayloadShape
{
    /// <summary>A 1,000-item page of <c>listAccounts</c>.</summary>
    AccountsPage,

    /// <summary>The deep object of <c>getFirm</c>.</summary>
    DeepObject,

    /// <summary>The union-heavy feed of <c>listActivity</c>.</summary>
    UnionHeavy,
}
