extension String {
    /// Text, each piece followed by its decimal number if it has one (`("mlx5_core.sf.", 3)` is
    /// `mlx5_core.sf.3`), made in one step: names the emulator gives to every SF it creates, where
    /// interpolation's generic formatting and one append per piece would cost more than the rest of
    /// the name's work.
    init(decimalName pieces: (text: String, number: UInt32?)...) {
        var count = 0
        for piece in pieces { count += piece.text.utf8.count + (piece.number.map(Self.digits) ?? 0) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var end = 0
            for piece in pieces {
                var text = piece.text
                text.withUTF8 { end = buffer[end...].initialize(fromContentsOf: $0) }
                guard var value = piece.number else { continue }
                end += Self.digits(value)
                var position = end
                repeat {
                    position -= 1
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                } while value > 0
            }
            return end
        }
    }

    private static func digits(_ number: UInt32) -> Int {
        var digits = 1
        var rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return digits
    }
}
