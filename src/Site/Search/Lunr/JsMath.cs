namespace Site.Search.Lunr;

/// <summary>
/// <c>Math.log</c> and <c>Math.round</c> as V8 computes them. Scores are rounded to three decimals, so a last-bit
/// difference in a logarithm could flip a rounding and break byte-identity with lunr.js; V8 uses fdlibm's log
/// (via FreeBSD msun), while .NET calls the C library's, which is not guaranteed to agree in the last bit.
/// </summary>
internal static class JsMath
{
    private static readonly double Ln2Hi = BitConverter.Int64BitsToDouble(0x3FE62E42FEE00000);
    private static readonly double Ln2Lo = BitConverter.Int64BitsToDouble(0x3DEA39EF35793C76);
    private static readonly double Two54 = BitConverter.Int64BitsToDouble(0x4350000000000000);
    private static readonly double Lg1 = BitConverter.Int64BitsToDouble(0x3FE5555555555593);
    private static readonly double Lg2 = BitConverter.Int64BitsToDouble(0x3FD999999997FA04);
    private static readonly double Lg3 = BitConverter.Int64BitsToDouble(0x3FD2492494229359);
    private static readonly double Lg4 = BitConverter.Int64BitsToDouble(0x3FCC71C51D8E78AF);
    private static readonly double Lg5 = BitConverter.Int64BitsToDouble(0x3FC7466496CB03DE);
    private static readonly double Lg6 = BitConverter.Int64BitsToDouble(0x3FC39A09D078C69F);
    private static readonly double Lg7 = BitConverter.Int64BitsToDouble(0x3FC2F112DF3E5244);

    /// <summary>fdlibm <c>__ieee754_log</c>: reduce x to 2^k·(1+f) with √2/2 &lt; 1+f &lt; √2, then a minimax polynomial.</summary>
    public static double Log(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var hx = (int)(bits >> 32);
        var lx = (uint)bits;
        var k = 0;

        if (hx < 0x00100000)
        {
            if (((hx & 0x7FFFFFFF) | (int)lx) == 0) return double.NegativeInfinity;
            if (hx < 0) return double.NaN;
            k -= 54;
            x *= Two54; // subnormal: scale up
            hx = (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
        }

        if (hx >= 0x7FF00000) return x + x;

        k += (hx >> 20) - 1023;
        hx &= 0x000FFFFF;
        var i = (hx + 0x95F64) & 0x100000;
        // Normalise x or x/2 by rewriting its high word.
        var low = BitConverter.DoubleToInt64Bits(x) & 0xFFFFFFFFL;
        x = BitConverter.Int64BitsToDouble(((long)(hx | (i ^ 0x3FF00000)) << 32) | low);
        k += i >> 20;
        var f = x - 1.0;
        double dk;
        double r;

        if ((0x000FFFFF & (2 + hx)) < 3)
        {
            // -2^-20 <= f < 2^-20
            if (f == 0)
            {
                if (k == 0) return 0;
                dk = k;
                return dk * Ln2Hi + dk * Ln2Lo;
            }

            r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) return f - r;
            dk = k;
            return dk * Ln2Hi - ((r - dk * Ln2Lo) - f);
        }

        var s = f / (2.0 + f);
        dk = k;
        var z = s * s;
        i = hx - 0x6147A;
        var w = z * z;
        var j = 0x6B851 - hx;
        var t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        var t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        i |= j;
        r = t2 + t1;
        if (i > 0)
        {
            var hfsq = 0.5 * f * f;
            if (k == 0) return f - (hfsq - s * (hfsq + r));
            return dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
        }

        if (k == 0) return f - s * (f - r);
        return dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
    }

    /// <summary><c>Math.round</c>: nearest integer, ties towards +∞ (not .NET's banker's rounding).</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) return x;
        var floor = Math.Floor(x);
        // x - floor(x) is exact for doubles, so this avoids the x + 0.5 rounding trap of floor(x + 0.5).
        var result = x - floor >= 0.5 ? floor + 1 : floor;
        return result == 0 && (x < 0 || double.IsNegative(x)) ? -0.0 : result;
    }
}
