using System.Text.Json.Serialization.Metadata;
using Microsoft.Kiota.Abstractions.Serialization;
using Sei.Benchmarks.Payloads;
using Sei.Benchmarks.Stj;
using GeneratedModels = Sei.Benchmarks.Wealth.V1;
using KiotaModels = Sei.Benchmarks.Kiota.Models;

namespace Sei.Benchmarks.Benchmarks;

/// <summary>A page of 1,000 accounts with paging and links.</summary>
public class AccountsPage : SerializerBenchmarksWithKiota<GeneratedModels.AccountList, AccountList, KiotaModels.AccountList>
{
    /// <inheritdoc/>
    protected override PayloadShape Shape => PayloadShape.AccountsPage;

    /// <inheritdoc/>
    protected override JsonTypeInfo<AccountList> StjType => StjContext.Default.AccountList;

    /// <inheritdoc/>
    protected override ParsableFactory<KiotaModels.AccountList> KiotaFactory => KiotaModels.AccountList.CreateFromDiscriminatorValue;
}

/// <summary>A firm nested ten object levels deep.</summary>
public class DeepObject : SerializerBenchmarksWithKiota<GeneratedModels.Firm, Firm, KiotaModels.Firm>
{
    /// <inheritdoc/>
    protected override PayloadShape Shape => PayloadShape.DeepObject;

    /// <inheritdoc/>
    protected override JsonTypeInfo<Firm> StjType => StjContext.Default.Firm;

    /// <inheritdoc/>
    protected override ParsableFactory<KiotaModels.Firm> KiotaFactory => KiotaModels.Firm.CreateFromDiscriminatorValue;
}

/// <summary>
/// 1,000 events of a discriminated oneOf holding oneOfs without a discriminator. Kiota is not
/// measured here: it cannot read them (<see cref="Sides.SideCatalog.KiotaUnionExclusion"/>).
/// </summary>
public class UnionHeavy : SerializerBenchmarks<GeneratedModels.ActivityFeed, ActivityFeed>
{
    /// <inheritdoc/>
    protected override PayloadShape Shape => PayloadShape.UnionHeavy;

    /// <inheritdoc/>
    protected override JsonTypeInfo<ActivityFeed> StjType => StjContext.Default.ActivityFeed;
}
