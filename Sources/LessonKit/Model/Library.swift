/// A Swift package whose products an example may import with `needs=`.
public struct LibraryPackage: Sendable, Hashable {
  /// SwiftPM's identity for the package: the last part of its URL, as in `swift-nio`.
  public var identity: String
  public var url: String
  /// The lowest version the book accepts; SwiftPM may choose a later one.
  public var version: String

  public init(identity: String, url: String, version: String) {
    self.identity = identity
    self.url = url
    self.version = version
  }
}

/// The one table of libraries that examples may use: parsing checks `needs=` against it,
/// and tangling writes the packages and products of the manifest from it.
public enum Library {
  static let nio = LibraryPackage(
    identity: "swift-nio", url: "https://github.com/apple/swift-nio.git", version: "2.101.2")
  static let hummingbird = LibraryPackage(
    identity: "hummingbird", url: "https://github.com/hummingbird-project/hummingbird.git",
    version: "2.28.1")
  static let asyncHTTPClient = LibraryPackage(
    identity: "async-http-client", url: "https://github.com/swift-server/async-http-client.git",
    version: "1.37.0")
  static let asyncAlgorithms = LibraryPackage(
    identity: "swift-async-algorithms",
    url: "https://github.com/apple/swift-async-algorithms.git", version: "1.1.4")
  static let log = LibraryPackage(
    identity: "swift-log", url: "https://github.com/apple/swift-log.git", version: "1.16.2")

  /// Each product an example may name, and the package it comes from.
  public static let products: [String: LibraryPackage] = [
    "NIOCore": nio,
    "NIOPosix": nio,
    "NIOHTTP1": nio,
    "NIOConcurrencyHelpers": nio,
    "NIOFoundationCompat": nio,
    "Hummingbird": hummingbird,
    "AsyncHTTPClient": asyncHTTPClient,
    "AsyncAlgorithms": asyncAlgorithms,
    "Logging": log,
  ]

  /// The packages that `examples` need, each once, in a stable order.
  public static func packages(for examples: [Example]) -> [LibraryPackage] {
    let needed = Set(examples.flatMap(\.needs).compactMap { products[$0] })
    return needed.sorted { $0.identity < $1.identity }
  }

  /// `.package(url:from:)` for `package`, as a manifest writes it.
  public static func manifestDependency(_ package: LibraryPackage) -> String {
    ".package(url: \"\(package.url)\", from: \"\(package.version)\")"
  }

  /// `.product(name:package:)` for `product`, or nil for an unknown product.
  public static func manifestProduct(_ product: String) -> String? {
    products[product].map { ".product(name: \"\(product)\", package: \"\($0.identity)\")" }
  }
}
