#!/usr/bin/env python3
"""Generates NistFields.P256.cs and NistFields.P384.cs: fixed-size Montgomery arithmetic modulo the P-256 and P-384
field primes and group orders, fully unrolled with every limb in a local. Run from this folder:
    python3 gen_nist_fields.py
The emitted code is the algorithm of MontgomeryModulus (CIOS products, Koç–Acar–Kaliski 1996) with the modulus
folded in as constants; MontgomeryModulusTests-style FsCheck properties check it against BigInteger."""

P256 = 2**256 - 2**224 + 2**192 + 2**96 - 1
N256 = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
P384 = 2**384 - 2**128 - 2**96 + 2**32 - 1
N384 = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973
ONES = (1 << 64) - 1



def limbs(x, n):
    return [(x >> (64 * i)) & ONES for i in range(n)]


def h(x):
    return "0x%016X" % x


def carry_add(dst, val, c):
    """dst += val + c (c a 0/1 or word carry variable name); leaves the carry out in c."""
    return [f"x = {val} + {c}; {c} = x < {c} ? 1UL : 0UL; {dst} += x; {c} += {dst} < x ? 1UL : 0UL;"]


class Gen:
    def __init__(self, name, m, L, doc, p256_special=False, p384_special=False):
        self.name, self.m, self.L, self.doc, self.special, self.p384 = name, m, L, doc, p256_special, p384_special
        self.n = limbs(m, L)
        self.inv = (-pow(m, -1, 2**64)) % 2**64

    def nconst(self, j):
        return f"N{j}"

    def qn(self, j, cache):
        """Emit lo, hi = q * n_j; reuse the all-ones product q·(2^64 - 1) = (q - [q≠0])·2^64 + (0 - q)."""
        nj = self.n[j]
        if nj == ONES:
            if "ones" not in cache:
                cache["ones"] = True
                return ["onesLo = 0 - q; onesHi = q - (q != 0 ? 1UL : 0UL);", "lo = onesLo; hi = onesHi;"]
            return ["lo = onesLo; hi = onesHi;"]
        return [f"lo = q * N{j}; hi = WideMultiply.High(q, N{j});"]

    @staticmethod
    def p384_row(n):
        """t = (t + q·p) / 2^64 for the P-384 prime, without multiplications: q·p = q·2^384 - w with
        w = q·2^128 + q·2^96 - q·(2^32 - 1) < 2^194, whose low limb equals t0 (so limb 0 cancels exactly).
        n names T0..T7 (T7 a carry word); the result goes to T0..T6."""
        return [
            f"q = {n[0]} * Inverse;",
            "x = q << 32; y = q >> 32;",
            "v0 = x - q; v1 = y - (x < q ? 1UL : 0UL); // q·(2^32 - 1) = v0 + v1·2^64",
            "br = v0 != 0 ? 1UL : 0UL; // w = q·2^96 + q·2^128 - (v0 + v1·2^64): limb 0 borrows unless v0 = 0",
            "w1 = x - v1; k = x < v1 ? 1UL : 0UL; k += w1 < br ? 1UL : 0UL; w1 -= br;",
            "w2 = y + q; cw = w2 < q ? 1UL : 0UL; br = w2 < k ? 1UL : 0UL; w2 -= k; w3 = cw - br;",
            f"{n[0]} = {n[1]} - w1; br = {n[1]} < w1 ? 1UL : 0UL;",
            f"x = {n[2]} - w2; k = {n[2]} < w2 ? 1UL : 0UL; k += x < br ? 1UL : 0UL; {n[1]} = x - br; br = k;",
            f"x = {n[3]} - w3; k = {n[3]} < w3 ? 1UL : 0UL; k += x < br ? 1UL : 0UL; {n[2]} = x - br; br = k;",
            f"{n[3]} = {n[4]} - br; br = {n[4]} < br ? 1UL : 0UL;",
            f"{n[4]} = {n[5]} - br; br = {n[5]} < br ? 1UL : 0UL;",
            f"x = {n[6]} + q; k = x < q ? 1UL : 0UL; {n[5]} = x - br; k -= x < br ? 1UL : 0UL; // k in {{-1, 0, 1}}",
            f"{n[6]} = {n[7]} + k; // the total is non-negative: no wrap",
        ]

    def cios_row_generic(self, i):
        L = self.L
        out = [f"// row {i}: t += a·b{i}, then t = (t + q·m) / 2^64", f"ulong b{i} = b.L{i};", "c = 0;"]
        for j in range(L):
            out.append(f"lo = a.L{j} * b{i}; hi = WideMultiply.High(a.L{j}, b{i}); lo += t{j}; hi += lo < t{j} ? 1UL : 0UL; lo += c; hi += lo < c ? 1UL : 0UL; t{j} = lo; c = hi;")
        out.append(f"t{L} += c; t{L+1} = t{L} < c ? 1UL : 0UL;")
        if self.special:
            out += [
                "q = t0;",
                "lo = q * N3; hi = WideMultiply.High(q, N3);",
                "x = q << 32; t0 = t1 + x; c = t0 < x ? 1UL : 0UL;",
                "x = (q >> 32) + c; t1 = t2 + x; c = t1 < x ? 1UL : 0UL;",
                "x = lo + c; c = x < c ? 1UL : 0UL; t2 = t3 + x; c += t2 < x ? 1UL : 0UL;",
                "x = hi + c; t3 = t4 + x; c = t3 < x ? 1UL : 0UL;",
                "t4 = t5 + c;",
            ]
            return out
        if self.p384:
            return out + self.p384_row([f"t{j}" for j in range(8)])
        out.append(f"q = t0 * Inverse;")
        cache = {}
        out += self.qn(0, cache)
        out.append("c = hi + (t0 != 0 ? 1UL : 0UL); // lo + t0 ≡ 0 mod 2^64")
        for j in range(1, L):
            out += self.qn(j, cache)
            out.append(f"lo += t{j}; hi += lo < t{j} ? 1UL : 0UL; lo += c; hi += lo < c ? 1UL : 0UL; t{j-1} = lo; c = hi;")
        out.append(f"t{L-1} = t{L} + c; t{L} = t{L+1} + (t{L-1} < c ? 1UL : 0UL);")
        return out

    def final_subtract(self, tnames, top):
        """result = t - m when t ≥ m (top is the carry above the top limb)."""
        L = self.L
        out = ["ulong borrow = 0, d;"]
        for j in range(L):
            t = tnames[j]
            out.append(f"ulong r{j} = {t} - N{j}; d = {t} < N{j} ? 1UL : 0UL; d += r{j} < borrow ? 1UL : 0UL; r{j} -= borrow; borrow = d;")
        out.append(f"ulong keep = 0 - (borrow & ({top} ^ 1)); // all ones when t < m (no carry above, and t - m borrows)")
        out.append(f"return new({', '.join(f'({tnames[j]} & keep) | (r{j} & ~keep)' for j in range(L))});")
        return out

    def declare(self, inner, names):
        text = "\n".join(inner)
        if "x = " in text:
            names += ", x"
        if "onesLo" in text:
            names += ", onesLo, onesHi"
        return f"ulong {names};"

    def multiply(self):
        L = self.L
        out = [f"/// <summary>a·b·R⁻¹ mod m (the Montgomery product), for a, b &lt; m; the result is below m.</summary>",
               f"public static {self.name} Multiply(in {self.name} a, in {self.name} b)", "{"]
        body = []
        body.append("ulong " + ", ".join(f"t{j} = 0" for j in range(L + 2)) + ";")
        inner = []
        for i in range(L):
            inner += self.cios_row_generic(i)
        inner.append(f"// t < 2m: subtract m once when t ≥ m (t{L} is the carry above the top limb).")
        inner += self.final_subtract([f"t{j}" for j in range(L)], f"t{L}")
        body.append(self.declare(inner, "lo, hi, c, q" + (", y, br, k, v0, v1, w1, w2, w3, cw" if self.p384 else "")))
        out = [o for o in out if o != ""]
        return out + ["    " + s for s in body] + ["    unchecked", "    {"] + ["        " + s for s in inner] + ["    }", "}"]

    def square(self):
        L = self.L
        out = [f"/// <summary>a²·R⁻¹ mod m: the 2L-limb square from the cross products (doubled) and the squares, then L",
               f"/// Montgomery reduction rounds.</summary>",
               f"public static {self.name} Square(in {self.name} a)", "{"]
        body = ["ulong " + ", ".join(f"t{j} = 0" for j in range(2 * L)) + ";"]
        inner = ["// cross products a_i·a_j, i < j, at limb i + j"]
        for i in range(L - 1):
            inner.append("c = 0;")
            for j in range(i + 1, L):
                inner.append(f"lo = a.L{i} * a.L{j}; hi = WideMultiply.High(a.L{i}, a.L{j}); lo += t{i+j}; hi += lo < t{i+j} ? 1UL : 0UL; lo += c; hi += lo < c ? 1UL : 0UL; t{i+j} = lo; c = hi;")
            inner.append(f"t{i+L} = c;")
        inner.append("// doubled")
        inner.append(f"t{2*L-1} = t{2*L-2} >> 63;")
        for j in range(2 * L - 2, 1, -1):
            inner.append(f"t{j} = (t{j} << 1) | (t{j-1} >> 63);")
        inner.append("t1 <<= 1;")
        inner.append("// plus the squares a_i² at limb 2i")
        inner.append("c = 0;")
        for i in range(L):
            inner.append(f"lo = a.L{i} * a.L{i}; hi = WideMultiply.High(a.L{i}, a.L{i});")
            inner.append(f"lo += c; k = lo < c ? 1UL : 0UL; t{2*i} += lo; k += t{2*i} < lo ? 1UL : 0UL; hi += k; t{2*i+1} += hi; c = t{2*i+1} < hi ? 1UL : 0UL;")
        inner.append("// (hi + k cannot overflow: the high half of a square is at most 2^64 - 2; the square is below 2^(128L))")
        if self.p384:
            inner.append("// Montgomery-reduce the low half: (t_lo + Q·p) / 2^384 ≤ p, six shifting rows as in Multiply")
            inner.append("ulong u6 = 0, u7 = 0;")
            names = [f"t{j}" for j in range(6)] + ["u6", "u7"]
            for i in range(L):
                inner.append(f"// row {i}")
                inner += self.p384_row(names)
                inner.append("u7 = 0;")
            inner.append("// plus the high half (below p): the sum is below 2p")
            inner.append("c = 0;")
            for j in range(L):
                inner.append(f"x = t{j+L} + c; c = x < c ? 1UL : 0UL; t{j} += x; c += t{j} < x ? 1UL : 0UL;")
            inner.append("ulong top = u6 + c;")
            inner += self.final_subtract([f"t{j}" for j in range(L)], "top")
            body.append(self.declare(inner, "lo, hi, c, q, k, y, br, v0, v1, w1, w2, w3, cw"))
            return out + ["    " + s for s in body] + ["    unchecked", "    {"] + ["        " + s for s in inner] + ["    }", "}"]
        inner.append("ulong top = 0;")
        for i in range(L):
            inner.append(f"// reduction round {i}: t += q·m·2^(64·{i}), clearing limb {i}")
            if self.special:
                inner += [
                    f"q = t{i};",
                    "lo = q * N3; hi = WideMultiply.High(q, N3);",
                    f"x = q << 32; t{i+1} += x; c = t{i+1} < x ? 1UL : 0UL;",
                    f"x = (q >> 32) + c; t{i+2} += x; c = t{i+2} < x ? 1UL : 0UL;",
                    f"x = lo + c; c = x < c ? 1UL : 0UL; t{i+3} += x; c += t{i+3} < x ? 1UL : 0UL;",
                    "c += hi;",
                ]
            else:
                inner.append("q = t%d * Inverse;" % i)
                cache = {}
                inner += self.qn(0, cache)
                inner.append(f"c = hi + (t{i} != 0 ? 1UL : 0UL);")
                for j in range(1, L):
                    inner += self.qn(j, cache)
                    inner.append(f"lo += t{i+j}; hi += lo < t{i+j} ? 1UL : 0UL; lo += c; hi += lo < c ? 1UL : 0UL; t{i+j} = lo; c = hi;")
            inner.append(f"t{i+L} += c; k = t{i+L} < c ? 1UL : 0UL; t{i+L} += top; k += t{i+L} < top ? 1UL : 0UL; top = k;")
        inner += self.final_subtract([f"t{j+L}" for j in range(L)], "top")
        body.append(self.declare(inner, "lo, hi, c, q, k"))
        out = [o for o in out if o != ""]
        return out + ["    " + s for s in body] + ["    unchecked", "    {"] + ["        " + s for s in inner] + ["    }", "}"]

    def add(self):
        L = self.L
        out = [f"/// <summary>a + b mod m, for a, b &lt; m.</summary>",
               "[MethodImpl(MethodImplOptions.AggressiveInlining)]",
               f"public static {self.name} Add(in {self.name} a, in {self.name} b)", "{", "    unchecked", "    {",
               "        ulong c = 0, x, s, k;"]
        for j in range(L):
            out.append(f"        x = a.L{j}; s = x + b.L{j}; k = s < x ? 1UL : 0UL; s += c; k += s < c ? 1UL : 0UL; ulong t{j} = s; c = k;")
        out += ["        " + s for s in self.final_subtract([f"t{j}" for j in range(L)], "c")]
        return out + ["    }", "}"]

    def twice(self):
        L = self.L
        out = [f"/// <summary>2a mod m, for a &lt; m: a one-bit shift (no carry chain), then one conditional subtraction.</summary>",
               "[MethodImpl(MethodImplOptions.AggressiveInlining)]",
               f"public static {self.name} Twice(in {self.name} a)", "{", "    unchecked", "    {"]
        out.append(f"        ulong c = a.L{L-1} >> 63;")
        for j in range(L - 1, 0, -1):
            out.append(f"        ulong t{j} = (a.L{j} << 1) | (a.L{j-1} >> 63);")
        out.append("        ulong t0 = a.L0 << 1;")
        out += ["        " + x for x in self.final_subtract([f"t{j}" for j in range(L)], "c")]
        return out + ["    }", "}"]

    def subtract(self):
        L = self.L
        out = [f"/// <summary>a - b mod m, for a, b &lt; m.</summary>",
               "[MethodImpl(MethodImplOptions.AggressiveInlining)]",
               f"public static {self.name} Subtract(in {self.name} a, in {self.name} b)", "{", "    unchecked", "    {",
               "        ulong borrow = 0, x, y, d;"]
        for j in range(L):
            out.append(f"        x = a.L{j}; y = b.L{j}; ulong t{j} = x - y; d = x < y ? 1UL : 0UL; d += t{j} < borrow ? 1UL : 0UL; t{j} -= borrow; borrow = d;")
        out.append("        // a < b: add m back (the carry out cancels the borrow); without a branch, as the outcome is random.")
        out.append("        ulong mask = 0 - borrow, c = 0, s, k, n;")
        for j in range(L):
            out.append(f"        n = N{j} & mask; s = t{j} + n; k = s < n ? 1UL : 0UL; s += c; k += s < c ? 1UL : 0UL; t{j} = s; c = k;")
        out.append(f"        return new({', '.join(f't{j}' for j in range(L))});")
        return out + ["    }", "}"]

    def emit(self):
        L, m = self.L, self.m
        R = 2 ** (64 * L)
        one = limbs(R % m, L)
        r2 = limbs(R * R % m, L)
        fields = ", ".join(f"ulong l{j}" for j in range(L))
        lines = []
        lines.append(f"/// <summary>")
        lines += [f"/// {d}" for d in self.doc]
        lines.append(f"/// Elements are in Montgomery form x·R mod m, R = 2^{64*L}, the same form as <see cref=\"MontgomeryModulus\"/>")
        lines.append(f"/// for this modulus, and always fully reduced (below m). Variable-time; generated by gen_nist_fields.py.")
        lines.append(f"/// </summary>")
        lines.append(f"internal readonly struct {self.name} : IMontgomeryElement<{self.name}>")
        lines.append("{")
        body = []
        for j in range(L):
            body.append(f"/// <summary>Limb {j} (little-endian 64-bit limbs).</summary>")
            body.append(f"public readonly ulong L{j};")
            body.append("")
        for j in range(L):
            body.append(f"private const ulong N{j} = {h(self.n[j])};")
        if not self.special:
            body.append(f"private const ulong Inverse = {h(self.inv)}; // -m⁻¹ mod 2^64")
        body.append("")
        body.append(f"/// <summary>Creates an element from its limbs, which must form a number below m.</summary>")
        body.append(f"public {self.name}({fields})")
        body.append("{")
        for j in range(L):
            body.append(f"    L{j} = l{j};")
        body.append("}")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static int LimbCount => {L};")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static {self.name} One => new({', '.join(h(x) for x in one)});")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static {self.name} RSquared => new({', '.join(h(x) for x in r2)});")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static {self.name} Modulus => new({', '.join(h(x) for x in self.n)});")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static {self.name} FromLimbs(in Limbs value) => new({', '.join(f'value[{j}]' for j in range(L))});")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static void ToLimbs(in {self.name} value, out Limbs result)")
        body.append("{")
        body.append("    result = default;")
        for j in range(L):
            body.append(f"    result[{j}] = value.L{j};")
        body.append("}")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static bool IsZero(in {self.name} a) => ({' | '.join(f'a.L{j}' for j in range(L))}) == 0;")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static bool AreEqual(in {self.name} a, in {self.name} b) =>")
        body.append(f"    ({' | '.join(f'(a.L{j} ^ b.L{j})' for j in range(L))}) == 0;")
        body.append("")
        body.append("/// <inheritdoc/>")
        body.append(f"public static {self.name} Negate(in {self.name} a) => Subtract(default, a);")
        body.append("")
        body += self.multiply()
        body.append("")
        body += self.square()
        body.append("")
        body += self.add()
        body.append("")
        body += self.twice()
        body.append("")
        body += self.subtract()
        lines += ["    " + b if b else "" for b in body]
        lines.append("}")
        return lines


def write(path, gens):
    head = ["// <auto-generated/> by gen_nist_fields.py in this folder; do not edit by hand.",
            "#pragma warning disable IDE0055, SA1107, SA1025 // one carry step per line",
            "using System.Runtime.CompilerServices;", "", "namespace Pkcs10.Signatures.Managed;", ""]
    out = list(head)
    for i, g in enumerate(gens):
        if i:
            out.append("")
        out += g.emit()
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


write("NistFields.P256.cs", [
    Gen("P256Field", P256, 4, ["Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1.",
                                "-p⁻¹ mod 2^64 = 1, so each reduction row takes q = t0, and q·p = q·2^96 - q + q·p3·2^192",
                                "(p0 + p1·2^64 = 2^96 - 1, p2 = 0): one multiplication per row (OpenSSL ecp_nistz256)."], p256_special=True),
    Gen("P256Scalar", N256, 4, ["Arithmetic modulo the P-256 group order n."]),
])
write("NistFields.P384.cs", [
    Gen("P384Field", P384, 6, ["Arithmetic modulo the P-384 prime p = 2^384 - 2^128 - 2^96 + 2^32 - 1.",
                                "-p⁻¹ mod 2^64 = 2^32 + 1, and q·p = q·2^384 - q·(2^128 + 2^96 - 2^32 + 1): each reduction row is shifts,",
                                "additions and subtractions, without multiplications."], p384_special=True),
    Gen("P384Scalar", N384, 6, ["Arithmetic modulo the P-384 group order n."]),
])
