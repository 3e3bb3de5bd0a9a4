/// Exact reading and printing of rationals.
///
/// Accepted forms: `-17/4`, `3`, `+2`, and decimals `0.99`, `-1.5e-3`, `2E10`, read exactly
/// (`0.99` is 99/100). A sign may lead the text but not follow the `/`; a decimal needs a digit
/// on at least one side of its point (`.5` and `5.` are read, `.` is not); no spaces.
/// Printing gives `p/q` in lowest terms, or `p` for integers, so
/// `Rational(parsing: r.description) == r`.
extension Rational: CustomStringConvertible, LosslessStringConvertible {
    /// The largest decimal exponent `parse` accepts, so that `1e999999999` is an error, not
    /// an allocation of gigabytes.
    public static let maximumDecimalExponent = 100_000

    public init?(_ description: String) { self.init(parsing: description) }

    /// Reads a rational or decimal literal; `nil` if `text` is not one.
    public init?(parsing text: some StringProtocol) {
        let s = Substring(text)
        if let slash = s.firstIndex(of: "/") {
            guard let p = BigInt(s[..<slash]),
                  let q = BigInt(s[s.index(after: slash)...]),
                  s[s.index(after: slash)...].first != "-", s[s.index(after: slash)...].first != "+",
                  !q.isZero else { return nil }
            self.init(p, q)
            return
        }
        var mantissa = s
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let digits = s[s.index(after: e)...]
            guard let x = Int(digits), abs(x) <= Rational.maximumDecimalExponent else { return nil }
            exponent = x
            mantissa = s[..<e]
        }
        var sign = ""
        if let first = mantissa.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            mantissa = mantissa.dropFirst()
        }
        var integerPart = mantissa
        var fraction: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fraction = mantissa[mantissa.index(after: dot)...]
            guard !(integerPart.isEmpty && fraction.isEmpty) else { return nil }
        }
        let allDigits = integerPart + fraction
        guard !allDigits.isEmpty, allDigits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let value = BigInt(sign + allDigits) else { return nil }
        let scale = exponent - fraction.count
        let ten = BigInt(10)
        if scale >= 0 {
            self.init(value * ten.power(scale))
        } else {
            guard -scale <= Rational.maximumDecimalExponent + 1_000_000 else { return nil }
            self.init(value, ten.power(-scale))
        }
    }

    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// The decimal expansion rounded toward zero after `digits` fractional digits,
    /// with a trailing `…` when it was cut (e.g. `0.3333…`).
    public func decimalString(fractionDigits digits: Int) -> String {
        let scale = BigInt(10).power(digits)
        let scaled = (magnitude * Rational(scale))
        let whole = scaled.floor
        var text = whole.description
        if digits > 0 {
            while text.count <= digits { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        if signum < 0 { text = "-" + text }
        if Rational(whole) != scaled { text += "…" }
        return text
    }
}
