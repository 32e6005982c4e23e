using System.Net.Http;
using Sei.Client.Http;
using Xunit;

namespace Sei.Client.Tests.Http;

/// <summary>Generated calls send shared method instances: PATCH and any other method a document names are created once.</summary>
public sealed class SeiHttpMethodsTests
{
    [Fact]
    public void Patch_is_one_shared_instance_equal_to_the_framework_s()
    {
        Assert.Same(SeiHttpMethods.Patch, SeiHttpMethods.Patch);
        Assert.Equal(new HttpMethod("PATCH"), SeiHttpMethods.Patch);
    }

    [Fact]
    public void Another_method_is_created_on_first_use_and_shared_after_it()
    {
        var first = SeiHttpMethods.Of("QUERY");

        Assert.Same(first, SeiHttpMethods.Of("QUERY"));
        Assert.Equal("QUERY", first.Method);
        Assert.NotSame(first, SeiHttpMethods.Of("PROPFIND"));
    }
}
