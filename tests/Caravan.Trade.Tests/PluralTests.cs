using Caravan.Trade.Pages;

namespace Caravan.Trade.Tests;

/// <summary>Counted phrases take the form their language needs: no "1 problem(s)", and Russian's three forms.</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData("en", 1, "one")]
    [InlineData("en", 0, "other")]
    [InlineData("en", 2, "other")]
    [InlineData("ru", 1, "one")]
    [InlineData("ru", 21, "one")]
    [InlineData("ru", 11, "other")]
    [InlineData("ru", 3, "few")]
    [InlineData("ru", 24, "few")]
    [InlineData("ru", 12, "other")]
    [InlineData("ru", 25, "other")]
    [InlineData("zh", 1, "other")]
    public void A_count_takes_the_form_its_language_needs(string language, int count, string form) =>
        Assert.Equal(form, Plural.Category(count, language));
}
