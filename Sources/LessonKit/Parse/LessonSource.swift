/// A lesson file as text: the bytes it must be made of, and its lines as CommonMark cuts them.
public enum LessonSource {
  /// The lines of `text`, cut where CommonMark ends a line: at LF, CR, or CR LF. The line
  /// endings are not part of the lines; line `n` is at index `n - 1`.
  ///
  /// Cutting at `"\n"` would not do: in Swift `"\r\n"` is one `Character`, so a file saved
  /// with CR LF would be one long line.
  public static func lines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var i = start
    while i < scalars.endIndex {
      let scalar = scalars[i]
      if scalar == "\n" || scalar == "\r" {
        lines.append(text[start..<i])
        var next = scalars.index(after: i)
        if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
          next = scalars.index(after: next)
        }
        start = next
        i = next
      } else {
        i = scalars.index(after: i)
      }
    }
    lines.append(text[start..<scalars.endIndex])
    return lines
  }

  /// `text` with every line ending (CR LF or a lone CR) written as LF.
  public static func normalizingLineEndings(_ text: String) -> String {
    guard text.unicodeScalars.contains("\r") else { return text }
    return lines(text).joined(separator: "\n")
  }

  /// The text of a lesson file, or an error at the line and column of the first byte on each
  /// line that is not UTF-8 text (a NUL byte, or a byte no UTF-8 character starts or continues
  /// with). Columns count bytes from 1, as cmark's do. A UTF-8 byte order mark is allowed.
  public static func text(of bytes: some Collection<UInt8>, path: String) -> Result<
    String, LessonErrors
  > {
    let bytes = Array(bytes)
    var diagnostics: [Diagnostic] = []
    var line = 1
    var lineStart = 0
    var badOnThisLine = false
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        if b == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
        i += 1
        line += 1
        lineStart = i
        badOnThisLine = false
        continue
      }
      let length = validSequenceLength(bytes, at: i)
      if length == 0 || b == 0 {
        if !badOnThisLine {
          badOnThisLine = true
          let column = i - lineStart + 1
          diagnostics.append(
            Diagnostic(
              b == 0 ? .nulByte : .notUTF8(b),
              at: SourceLocation(file: path, line: line, column: column)))
        }
        i += 1
      } else {
        i += length
      }
    }
    if !diagnostics.isEmpty { return .failure(LessonErrors(diagnostics)) }
    return .success(String(decoding: bytes, as: UTF8.self))
  }

  /// Why a lesson file could not be read at all.
  public enum Unreadable: Sendable, Equatable {
    /// Nothing exists at the path.
    case missing
    /// The path names a directory.
    case directory
    /// It exists, but reading it failed (permissions, a device error).
    case failed
  }

  /// The error for a lesson path that cannot be read, at line 1 of that path.
  public static func unreadable(_ problem: Unreadable, path: String) -> Diagnostic {
    let message: Message
    switch problem {
    case .missing:
      message = Message("lesson.file.missing", "no such file: there is no lesson at this path")
    case .directory:
      message = Message(
        "lesson.file.directory",
        "this is a directory, not a lesson file: name a .md file inside it")
    case .failed:
      message = Message(
        "lesson.file.unreadable",
        "the lesson file exists but cannot be read: check its permissions")
    }
    return Diagnostic(message, at: SourceLocation(file: path, line: 1))
  }

  /// The length of the well-formed UTF-8 sequence starting at `i`, or 0 if there is none
  /// (a stray continuation byte, an overlong form, a surrogate, or past U+10FFFF).
  static func validSequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
    let b0 = bytes[i]
    if b0 < 0x80 { return 1 }
    func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
      i + k < bytes.count && range.contains(bytes[i + k])
    }
    switch b0 {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0:
      return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : 0
    case 0xED:
      return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
    case 0xF0:
      return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
      return 0
    }
  }

  static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0x0F)]])
  }
}

extension Message {
  static func notUTF8(_ byte: UInt8) -> Message {
    Message(
      "lesson.file.not-utf8",
      "byte 0x\(LessonSource.hex(byte)) is not UTF-8 text: save the lesson as UTF-8, without control bytes"
    )
  }
}
