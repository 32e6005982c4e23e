using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Sei.Benchmarks.Stj;

/// <summary>A firm with its whole organisation (the deep object).</summary>
public sealed class Firm
{
    /// <summary>Gets or sets the identifier.</summary>
    public string FirmId { get; set; } = default!;

    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets the founding date.</summary>
    public DateOnly? Founded { get; set; }

    /// <summary>Gets or sets the regions.</summary>
    public List<Region> Regions { get; set; } = default!;

    /// <summary>Gets or sets the firm's URL.</summary>
    public Uri Href { get; set; } = default!;

    /// <summary>Gets or sets related resources.</summary>
    public List<Link>? Links { get; set; }
}

/// <summary>A region of the firm.</summary>
public sealed class Region
{
    /// <summary>Gets or sets the identifier.</summary>
    public string RegionId { get; set; } = default!;

    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets the IANA time zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Gets or sets the offices.</summary>
    public List<Office> Offices { get; set; } = default!;
}

/// <summary>An office of a region.</summary>
public sealed class Office
{
    /// <summary>Gets or sets the identifier.</summary>
    public string OfficeId { get; set; } = default!;

    /// <summary>Gets or sets the city.</summary>
    public string City { get; set; } = default!;

    /// <summary>Gets or sets the headcount.</summary>
    public int? Headcount { get; set; }

    /// <summary>Gets or sets when the office opened.</summary>
    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>Gets or sets the teams.</summary>
    public List<Team> Teams { get; set; } = default!;
}

/// <summary>A team of an office.</summary>
public sealed class Team
{
    /// <summary>Gets or sets the identifier.</summary>
    public string TeamId { get; set; } = default!;

    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets whether the team is active.</summary>
    public bool? Active { get; set; }

    /// <summary>Gets or sets the advisors.</summary>
    public List<Advisor> Advisors { get; set; } = default!;
}

/// <summary>An advisor of a team.</summary>
public sealed class Advisor
{
    /// <summary>Gets or sets the identifier.</summary>
    public string AdvisorId { get; set; } = default!;

    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets the e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets the licence date.</summary>
    public DateOnly? LicensedSince { get; set; }

    /// <summary>Gets or sets the households.</summary>
    public List<Household> Households { get; set; } = default!;
}

/// <summary>A household an advisor serves.</summary>
public sealed class Household
{
    /// <summary>Gets or sets the identifier.</summary>
    public Guid HouseholdId { get; set; }

    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets the risk level, 1 to 5.</summary>
    public int? RiskLevel { get; set; }

    /// <summary>Gets or sets the portfolios.</summary>
    public List<Portfolio> Portfolios { get; set; } = default!;
}

/// <summary>A portfolio of a household.</summary>
public sealed class Portfolio
{
    /// <summary>Gets or sets the identifier.</summary>
    public string PortfolioId { get; set; } = default!;

    /// <summary>Gets or sets the status.</summary>
    public AccountStatus? Status { get; set; }

    /// <summary>Gets or sets the market value.</summary>
    public Money MarketValue { get; set; } = default!;

    /// <summary>Gets or sets when the portfolio was last rebalanced.</summary>
    public DateTimeOffset? RebalancedAt { get; set; }

    /// <summary>Gets or sets the holdings.</summary>
    public List<Holding> Holdings { get; set; } = default!;
}

/// <summary>A position in a portfolio.</summary>
public sealed class Holding
{
    /// <summary>Gets or sets the instrument.</summary>
    public Instrument Instrument { get; set; } = default!;

    /// <summary>Gets or sets the quantity.</summary>
    public double Quantity { get; set; }

    /// <summary>Gets or sets the cost basis.</summary>
    public Money? CostBasis { get; set; }

    /// <summary>Gets or sets the number of tax lots.</summary>
    public long? Lots { get; set; }
}

/// <summary>An instrument's asset class.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssetClass>))]
public enum AssetClass
{
    /// <summary>EQUITY.</summary>
    [JsonStringEnumMemberName("EQUITY")]
    Equity,

    /// <summary>FIXED_INCOME.</summary>
    [JsonStringEnumMemberName("FIXED_INCOME")]
    FixedIncome,

    /// <summary>FUND.</summary>
    [JsonStringEnumMemberName("FUND")]
    Fund,

    /// <summary>CASH.</summary>
    [JsonStringEnumMemberName("CASH")]
    Cash,
}

/// <summary>A security.</summary>
public sealed class Instrument
{
    /// <summary>Gets or sets the ticker.</summary>
    public string Symbol { get; set; } = default!;

    /// <summary>Gets or sets the name.</summary>
    public string Name { get; set; } = default!;

    /// <summary>Gets or sets the asset class.</summary>
    public AssetClass? AssetClass { get; set; }

    /// <summary>Gets or sets where it is listed.</summary>
    public InstrumentListing Listing { get; set; } = default!;
}

/// <summary>An instrument's listing (an inline schema in the document).</summary>
public sealed class InstrumentListing
{
    /// <summary>Gets or sets the exchange's MIC.</summary>
    public string Exchange { get; set; } = default!;

    /// <summary>Gets or sets the trading currency.</summary>
    public string Currency { get; set; } = default!;

    /// <summary>Gets or sets the lot size.</summary>
    public int? LotSize { get; set; }
}
