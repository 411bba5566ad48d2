import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the runner talks to people: plain text when the stream is not a terminal or
/// NO_COLOR is set, colour otherwise. It never writes control codes into a pipe or a file.
public final class Console: @unchecked Sendable {
  public enum Style: String {
    case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
  }

  /// Where the text goes: a file descriptor, or a function that keeps it (for tests).
  private enum Target {
    case descriptor(Int32)
    case sink(@Sendable (String) -> Void)
  }

  private let target: Target
  /// Whether the text is painted, and a status line shown.
  public let colors: Bool
  private let lock = NSLock()
  private var statusShown = false

  /// A console on standard output (or standard error, when stdout is kept for JSON).
  public init(
    useStandardError: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    let fd: Int32 = useStandardError ? 2 : 1
    target = .descriptor(fd)
    colors =
      isatty(fd) == 1 && environment["NO_COLOR"].map(\.isEmpty) != false
      && environment["TERM"] != "dumb"
  }

  /// A console that hands everything it would write to `sink`, in order, one write at a
  /// time, painted when `colors` says so, as a terminal's would be: for tests of what the
  /// runner prints.
  public init(colors: Bool, sink: @escaping @Sendable (String) -> Void) {
    target = .sink(sink)
    self.colors = colors
  }

  public func paint(_ text: String, _ styles: Style...) -> String {
    guard colors, !styles.isEmpty else { return text }
    return "\u{1B}[\(styles.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
  }

  public func line(_ text: String = "") {
    write(text + "\n")
  }

  /// A line that the next output replaces, such as a running clock; only on a terminal.
  public func status(_ text: String) {
    guard colors else { return }
    write("\r\u{1B}[2K" + text)
    lock.withLock { statusShown = true }
  }

  public func write(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    var bytes = Array(text.utf8)
    if statusShown {
      bytes = Array("\r\u{1B}[2K".utf8) + bytes
      statusShown = false
    }
    let fd: Int32
    switch target {
    case .descriptor(let descriptor): fd = descriptor
    case .sink(let sink):
      sink(String(decoding: bytes, as: UTF8.self))
      return
    }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(fd, base + offset, buffer.count - offset)
      }
      if n <= 0 { break }
      offset += n
    }
  }
}

/// Columns of text, each as wide as its widest cell, two spaces apart: the terminal's
/// tables of claims and of margins.
public struct TextTable {
  public let header: String
  public let rows: [String]

  public init(header: [String], rows: [[String]]) {
    let widths = header.indices.map { col in
      max(header[col].count, rows.map { $0.indices.contains(col) ? $0[col].count : 0 }.max() ?? 0)
    }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { $0 + String(repeating: " ", count: max(0, $1 - $0.count)) }
        .joined(separator: "  ")
    }
    self.header = line(header)
    self.rows = rows.map(line)
  }
}
