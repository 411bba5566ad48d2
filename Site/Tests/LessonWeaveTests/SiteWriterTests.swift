import Foundation
import LessonWeave
import Testing

@Suite("Writing the site")
struct SiteWriterTests {
  @Test func writesChangedFilesAndRemovesOnlyItsOwnOldPages() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "site-writer-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.removeItem(at: dir)
    defer { try? FileManager.default.removeItem(at: dir) }
    let mark = "<meta name=\"generator\" content=\"lesson-runner site\">"
    let first = [
      SiteFile(path: "index.html", contents: mark + "index"),
      SiteFile(path: "01-old.html", contents: mark + "old"),
    ]
    #expect(try SiteWriter.write(first, to: dir) == ["index.html", "01-old.html"])
    try "a page of someone else's".write(
      to: dir.appendingPathComponent("notes.html"), atomically: true, encoding: .utf8)
    let second = [
      SiteFile(path: "index.html", contents: mark + "index"),
      SiteFile(path: "01-new.html", contents: mark + "new"),
    ]
    #expect(try SiteWriter.write(second, to: dir) == ["01-new.html"])
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(names == ["01-new.html", "index.html", "notes.html"])
  }
}
