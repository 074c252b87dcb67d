import ChainscopeTestSupport
import Foundation
import Testing

@testable import ChainscopeIngest

@Suite("SHA-256 of export files")
struct SHA256Tests {
    /// Bytes whose digests Python's hashlib gave.
    static func pattern(_ count: Int) -> Data {
        Data((0..<count).map { (index: Int) -> UInt8 in UInt8(truncatingIfNeeded: index * 7 + index / 251) })
    }

    @Test(
        "Digests agree with hashlib, across block and 1 MiB chunk boundaries",
        arguments: [
            (Data(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Data("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (pattern(119), "7a6589821178918ca8d9edaba5abfc1e9b2669564f4469b66885379c1530b2c8"),
            (pattern((1 << 20) * 2 + 100), "79ac78522458d5547434d82b0bd8662dd381a11001fc52f488b636d58cbad707"),
        ])
    func agreesWithHashlib(bytes: Data, digest: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("export.csv")
        try bytes.write(to: url)
        #expect(try SHA256.file(url) == digest)
    }

    @Test("Chunks of any size give the digest of the whole")
    func chunksOfAnySize() {
        let bytes = Self.pattern(1000)
        for size in [1, 63, 64, 65, 200] {
            var hash = SHA256()
            for start in stride(from: 0, to: bytes.count, by: size) {
                hash.update(bytes[start..<min(start + size, bytes.count)])
            }
            var whole = SHA256()
            whole.update(bytes)
            #expect(hash.finish() == whole.finish(), "chunks of \(size)")
        }
    }
}
