import Foundation
import Testing

@testable import LessonWeave

@Suite struct SHA256Tests {
  func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

  /// FIPS 180-4's examples (one block, two blocks), the empty message, and a million a's.
  @Test func theStandardsExamples() {
    #expect(
      hex(SHA256.hash(Array("abc".utf8)))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      hex(SHA256.hash([UInt8]()))
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Every length around the block's edges (55, 56, 63, 64 bytes…), against sha256sum.
  @Test func agreesWithSha256sumAtEveryLengthNearABlocksEdge() throws {
    let tool = URL(fileURLWithPath: "/usr/bin/sha256sum")
    try #require(FileManager.default.isExecutableFile(atPath: tool.path))
    for length in [1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000] {
      let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
      let process = Process()
      process.executableURL = tool
      let input = Pipe()
      let output = Pipe()
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      input.fileHandleForWriting.write(Data(message))
      try input.fileHandleForWriting.close()
      let said = String(
        decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(said.prefix(64) == hex(SHA256.hash(message))[...], "length \(length)")
    }
  }
}
