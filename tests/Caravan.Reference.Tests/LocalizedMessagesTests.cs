using System.Globalization;
using Caravan.Reference.Contracts;
using Caravan.Reference.Localization;

namespace Caravan.Reference.Tests;

/// <summary>The Reference module's parser messages in Chinese and Russian (ADR 0006).</summary>
public sealed class LocalizedMessagesTests
{
    [Fact]
    public void Every_message_has_a_Chinese_and_a_Russian_text_with_the_same_placeholders()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(ReferenceMessages).TypeHandle);

        Assert.NotEmpty(ReferenceMessages.Catalog.Declared);
        Assert.Empty(ReferenceMessages.Catalog.Verify(["zh", "ru"]));
    }

    [Fact]
    public void A_national_tariff_line_is_refused_in_each_language_with_the_code_as_typed()
    {
        var reason = ReferenceCodes.ParseHsCode("5205120000").Reason!;

        Assert.Equal("'5205120000' has 10 digits: that is a national tariff line, not an HS code. Use its first six digits, 520512.", reason.Render(CultureInfo.InvariantCulture));
        Assert.Equal("“5205120000”有 10 位数字：这是国家税则号列，不是 HS编码。请使用其前六位 520512。", reason.Render(new CultureInfo("zh-Hans")));
        Assert.Contains("520512", reason.Render(new CultureInfo("ru")), StringComparison.Ordinal);
    }
}
