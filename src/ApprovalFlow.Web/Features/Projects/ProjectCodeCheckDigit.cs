namespace ApprovalFlow.Web.Features.Projects;

/// <summary>
/// The check digit of a GB/T 40058-2021 project code. The standard's own text could not be read here; ISO/IEC 7064
/// MOD 11,10 (GB/T 17710) over the 19 digits before it reproduces the check digit of every published code we could
/// find, and of no legacy code. See docs/project-code.md before changing it.
/// </summary>
public static class ProjectCodeCheckDigit
{
    /// <summary>ISO/IEC 7064 hybrid system MOD 11,10: the one digit that makes the whole string check.</summary>
    public static int Iso7064Mod11Radix10(ReadOnlySpan<char> digits)
    {
        var product = 10;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                throw new ArgumentException("Only the digits 0-9 carry a MOD 11,10 check digit.", nameof(digits));
            }
            var sum = (product + (digit - '0')) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        return (11 - product) % 10;
    }
}
