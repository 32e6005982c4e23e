using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Sei.Sandbox.Http;
using Sei.Testing;

namespace Sei.Sandbox.Accounts;

/// <summary>
/// The sandbox's accounts, seeded with the same 137 accounts on every start. One lock guards the
/// list; records are immutable, so a reader works on the snapshot it took without holding it.
/// </summary>
internal sealed class AccountsStore
{
    /// <summary>How many accounts are seeded.</summary>
    public const int SeededAccountCount = 137;

    private static readonly string[] FirstNames = ["Dana", "Elliot", "Priya", "Marcus", "Sofia", "Wen", "Amara", "Lucas", "Hannah", "Omar", "Greta", "Tomas"];
    private static readonly string[] LastNames = ["Whitfield", "Okafor", "Lindqvist", "Ramirez", "Chen", "Novak", "Haddad", "Brennan", "Sato", "Moreau"];
    private static readonly string[] Nicknames = ["College fund", "Rainy day", "Retirement", "House deposit", "Travel"];
    private static readonly string[] TagPool = ["retirement", "managed", "education", "self-directed", "legacy", "income"];
    private static readonly string[] Branches = ["OAKS-PA", "NYC-NY", "CHI-IL", "SFO-CA"];

    private readonly Lock _gate = new();
    private readonly List<AccountRecord> _accounts = [];
    private readonly List<string> _groupIds;
    private long _nextHolderNumber = 1;

    /// <summary>Initializes a new instance of the <see cref="AccountsStore"/> class with the seeded accounts.</summary>
    public AccountsStore()
    {
        Groups = SeedGroups();
        _groupIds = AllGroupIds(Groups);
        var random = Seeding.Random(SeededAccountCount);
        for (var number = 1; number <= SeededAccountCount; number++)
        {
            _accounts.Add(SeedAccount(random, number));
        }
    }

    /// <summary>Gets the group trees (households) that accounts may belong to.</summary>
    public IReadOnlyList<GroupRecord> Groups { get; }

    /// <summary>Returns every account, removed ones included, oldest first.</summary>
    /// <returns>A snapshot of the list.</returns>
    public IReadOnlyList<AccountRecord> Snapshot()
    {
        lock (_gate)
        {
            return _accounts.ToArray();
        }
    }

    /// <summary>Finds an account that has not been removed.</summary>
    /// <param name="accountId">The account identifier.</param>
    /// <returns>The account; a 404 is thrown when there is none.</returns>
    public AccountRecord Get(string accountId)
    {
        lock (_gate)
        {
            return _accounts[IndexOf(accountId)];
        }
    }

    /// <summary>Returns whether an account exists and has not been removed.</summary>
    /// <param name="accountId">The account identifier.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool Exists(string accountId)
    {
        lock (_gate)
        {
            return _accounts.Exists(account => !account.Deleted && account.AccountId == accountId);
        }
    }

    /// <summary>Opens a new account.</summary>
    /// <param name="taxId">The owner's tax identifier, checked for a duplicate account.</param>
    /// <param name="type">The account type, checked for a duplicate account.</param>
    /// <param name="create">Builds the account from the account number and holder number the store assigns.</param>
    /// <returns>The new account.</returns>
    public AccountRecord Add(string? taxId, string type, Func<long, long, AccountRecord> create)
    {
        lock (_gate)
        {
            // SEI refuses a second open account of the same type for the same tax identifier; the document's 409 is for this.
            if (taxId is not null && _accounts.Exists(other => !other.Deleted && other.TaxId == taxId && other.Type == type && other.Status != "CLOSED"))
            {
                throw new SeiProblemException(409, "accounts.account.duplicate", $"An open {type} account already exists for this tax identifier.");
            }

            var account = create(_accounts.Count + 1, _nextHolderNumber++);
            _accounts.Add(account);
            return account;
        }
    }

    /// <summary>Changes an account.</summary>
    /// <param name="accountId">The account identifier.</param>
    /// <param name="change">Returns the changed record; it may throw to refuse the change.</param>
    /// <returns>The changed account; a 404 is thrown when there is none.</returns>
    public AccountRecord Update(string accountId, Func<AccountRecord, AccountRecord> change)
    {
        lock (_gate)
        {
            var index = IndexOf(accountId);
            var changed = change(_accounts[index]);
            _accounts[index] = changed;
            return changed;
        }
    }

    /// <summary>Finds a group node anywhere in the trees.</summary>
    /// <param name="groupId">The group identifier.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    public GroupRecord? FindGroup(string? groupId)
    {
        var pending = new Stack<GroupRecord>(Groups);
        while (groupId is not null && pending.TryPop(out var group))
        {
            if (group.GroupId == groupId)
            {
                return group;
            }

            foreach (var child in group.Children)
            {
                pending.Push(child);
            }
        }

        return null;
    }

    private int IndexOf(string accountId)
    {
        var index = _accounts.FindIndex(account => !account.Deleted && account.AccountId == accountId);
        return index >= 0 ? index : throw SeiProblemException.NotFound("accounts", "account", accountId);
    }

    private AccountRecord SeedAccount(Random random, int number)
    {
        var first = Seeding.Pick(random, FirstNames);
        var last = Seeding.Pick(random, LastNames);
        var type = Seeding.Pick(random, "INDIVIDUAL", "INDIVIDUAL", "JOINT", "TRUST", "IRA", "CORPORATE");
        var status = number % 11 == 0 ? "CLOSED" : number % 17 == 0 ? "FROZEN" : number % 23 == 0 ? "PENDING_CLOSURE" : "OPEN";
        var owner = type switch
        {
            "TRUST" => $"{last} Family Trust",
            "CORPORATE" => $"{last} Holdings LLC",
            _ => $"{first} {last}",
        };
        var email = $"{first}.{last}@example.com".ToLowerInvariant();

        // Accounts are opened roughly every 40 days from 2010, so a higher number is always a newer account.
        var openedOn = new DateOnly(2010, 1, 4).AddDays((number * 40) + random.Next(30));
        var riskLevel = 1 + random.Next(5);
        var holders = new List<HolderRecord> { new(_nextHolderNumber++, owner, type == "TRUST" ? "TRUSTEE" : "PRIMARY", email, BirthDate(random)) };
        for (var extra = 0; extra < number % 3; extra++)
        {
            var name = $"{Seeding.Pick(random, FirstNames)} {last}";
            holders.Add(new(_nextHolderNumber++, name, extra == 0 ? "JOINT" : "BENEFICIARY", null, BirthDate(random)));
        }

        var tags = TagPool.Where(_ => random.Next(4) == 0).Take(2).ToArray();
        return new AccountRecord
        {
            Number = number,
            Status = status,
            Type = type,
            RiskLevel = riskLevel,
            Balance = status == "CLOSED" ? 0m : Math.Round((decimal)random.NextDouble() * 500_000m, 2),
            Currency = number % 9 == 0 ? "EUR" : number % 13 == 0 ? "GBP" : "USD",
            Tags = tags,
            Attributes = new Dictionary<string, string>
            {
                ["branch"] = Seeding.Pick(random, Branches),
                ["advisorId"] = "ADV-" + random.Next(1, 999_999).ToString("D6", CultureInfo.InvariantCulture),
            },
            OpenedOn = openedOn,
            Nickname = number % 3 == 0 ? Seeding.Pick(random, Nicknames) : null,
            OwnerName = owner,
            OwnerEmail = email,
            TaxId = string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 900)}-{random.Next(10, 100)}-{random.Next(1000, 10000)}"),
            CreatedAt = new DateTimeOffset(openedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddMinutes(random.Next(480)),
            GroupId = number % 4 == 0 ? null : _groupIds[number % _groupIds.Count],
            RiskMatrix =
            [
                [Math.Round(riskLevel * 0.05, 2), Math.Round(riskLevel * 0.08, 2), Math.Round(riskLevel * 0.12, 2)],
                [Math.Round(riskLevel * 0.09, 2), Math.Round(riskLevel * 0.14, 2), Math.Round(riskLevel * 0.2, 2)],
            ],
            Holders = holders,
        };
    }

    private static DateOnly BirthDate(Random random) => new DateOnly(1940, 1, 1).AddDays(random.Next(365 * 60));

    private static List<string> AllGroupIds(IReadOnlyList<GroupRecord> groups)
    {
        var ids = new List<string>();
        foreach (var group in groups)
        {
            ids.Add(group.GroupId);
            ids.AddRange(AllGroupIds(group.Children));
        }

        return ids;
    }

    private static GroupRecord[] SeedGroups() =>
    [
        new("GRP-0001", "Whitfield household", [new("GRP-0002", "Retirement", []), new("GRP-0003", "Education", [])]),
        new("GRP-0004", "Okafor household", [new("GRP-0005", "Trusts", [new("GRP-0006", "Grandchildren", [])])]),
        new("GRP-0007", "Chen family office", []),
    ];
}
