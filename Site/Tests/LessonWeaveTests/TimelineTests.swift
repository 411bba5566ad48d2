import LessonKit
import Testing

@Suite("Timelines from runs")
struct TimelineTests {
  @Test func markedSpansOnThreadsBecomeLanes() {
    let record = run(
      wall: 2.1,
      [
        (0.01, .stderr, "::span-begin hi thread=1"),
        (0.02, .stderr, "::span-begin hoi thread=1"),
        (1.01, .stderr, "::span-end hi thread=1"),
        (1.01, .stdout, "hi"),
        (2.02, .stderr, "::span-end hoi thread=1"),
        (2.02, .stdout, "hoi"),
        (2.05, .stderr, "::span-begin tidy   up"),
        (2.06, .stderr, "::span-end tidy up"),
      ])
    let timeline = Timeline.extract(from: record)
    #expect(timeline.isMarked)
    #expect(timeline.problems.isEmpty)
    #expect(timeline.duration == 2.1)
    #expect(
      timeline.spans == [
        .init(name: "hi", thread: "1", start: 0.01, end: 1.01),
        .init(name: "hoi", thread: "1", start: 0.02, end: 2.02),
        .init(name: "tidy up", start: 2.05, end: 2.06),
      ])
    #expect(timeline.events.map(\.text) == ["hi", "hoi"])
    // hi and hoi overlap on thread 1, so they take two lanes with the thread's label.
    #expect(timeline.lanes.map(\.label) == ["thread 1", "thread 1", "tidy up"])
    #expect(timeline.lanes.map { $0.spans.map(\.name) } == [["hi"], ["hoi"], ["tidy up"]])
  }

  @Test func spansOfOneNameMatchInTheOrderTheyBegan() {
    let record = run(
      wall: 1,
      [
        (0.0, .stderr, "::span-begin request"),
        (0.1, .stderr, "::span-begin request"),
        (0.5, .stderr, "::span-end request"),
        (0.6, .stderr, "::span-begin request"),
        (0.7, .stderr, "::span-end request"),
        (0.9, .stderr, "::span-end request"),
      ])
    let timeline = Timeline.extract(from: record)
    #expect(timeline.spans.map { [$0.start, $0.end] } == [[0, 0.5], [0.1, 0.7], [0.6, 0.9]])
    // The third request starts after the first ended, so it shares the first one's lane.
    #expect(timeline.lanes.map { $0.spans.map(\.start) } == [[0, 0.6], [0.1]])
  }

  @Test func aRunWithoutMarkersIsOneBarWithItsLinesAsTicks() {
    let record = run(
      wall: 3.0, [(1.0, .stdout, "hi"), (2.0, .stdout, "::span-begin on stdout is output")])
    let timeline = Timeline.extract(from: record)
    #expect(!timeline.isMarked)
    #expect(timeline.spans == [.init(name: Timeline.wholeRunName, start: 0, end: 3.0)])
    #expect(timeline.events.count == 2)
    #expect(timeline.problems.isEmpty)
  }

  @Test func brokenMarkersAreReportedNotDrawnAsSpans() {
    let record = run(
      wall: 1.0,
      [
        (0.1, .stderr, "::span-end never-began"),
        (0.2, .stderr, "::span-begin"),
        (0.3, .stderr, "::span-frobnicate x"),
        (0.4, .stderr, "::span-begin x thread="),
        (0.5, .stderr, "::span-begin left-open"),
        (0.6, .stderr, "a plain line on standard error"),
      ])
    let timeline = Timeline.extract(from: record)
    #expect(timeline.problems.count == 5)
    #expect(timeline.problems[0].contains("never began"))
    #expect(timeline.problems[1].contains("is not a marker"))
    #expect(timeline.problems[2].contains("is not a marker"))
    #expect(timeline.problems[3].contains("is not a marker"))
    #expect(timeline.problems[4] == "span 'left-open' began at 500 ms and never ended")
    // The open span runs to the end of the run; marker lines are never events.
    #expect(timeline.spans == [.init(name: "left-open", start: 0.5, end: 1.0, isOpen: true)])
    #expect(timeline.events.map(\.text) == ["a plain line on standard error"])
    #expect(!Timeline.isMarker(TimedLine(time: 0, stream: .stdout, text: "::span-begin x")))
    #expect(Timeline.isMarker(TimedLine(time: 0, stream: .stderr, text: "::span-begin x")))
  }

  @Test func anEndWithAnotherThreadDoesNotCloseTheSpan() {
    let record = run(
      wall: 1.0,
      [(0.1, .stderr, "::span-begin job thread=1"), (0.2, .stderr, "::span-end job thread=2")])
    let timeline = Timeline.extract(from: record)
    #expect(timeline.problems.count == 2)
    #expect(timeline.spans.first?.isOpen == true)
  }

  @Test func theTextPictureDrawsBarsToScale() {
    let record = run(
      wall: 2.0,
      [
        (0.0, .stderr, "::span-begin first"),
        (1.0, .stderr, "::span-end first"),
        (1.0, .stderr, "::span-begin second"),
        (2.0, .stderr, "::span-end second"),
        (1.0, .stdout, "half way"),
      ])
    let picture = Timeline.extract(from: record).textPicture(width: 48)
    #expect(picture.count == 4)
    #expect(picture.allSatisfy { $0.count <= 48 })
    #expect(picture[0].hasPrefix("         0 s"))
    #expect(picture[0].hasSuffix("2 s"))
    // 48 columns less the label ("second", "output": 6) and 3 spaces leave 39 cells.
    #expect(picture[1] == "  first  " + String(repeating: "█", count: 20))
    #expect(
      picture[2] == " second  " + String(repeating: " ", count: 20)
        + String(repeating: "█", count: 19))
    #expect(picture[3] == " output  " + String(repeating: " ", count: 19) + "╵")
  }

  @Test func aThreadLaneWritesEachSpanNameOnItsBar() {
    let record = run(
      wall: 1.0,
      [
        (0.0, .stderr, "::span-begin hi thread=7"),
        (0.5, .stderr, "::span-end hi thread=7"),
        (0.5, .stderr, "::span-begin hoi thread=7"),
      ])
    let picture = Timeline.extract(from: record).textPicture(width: 40)
    #expect(picture[1].hasPrefix(" thread 7  ├hi"))
    #expect(picture[1].contains("┤├hoi"))
    #expect(picture[1].hasSuffix("▒"))
  }

  @Test func aCrowdedPictureSaysWhatItLeftOut() {
    var lines: [(Double, TimedLine.Stream, String)] = []
    for n in 0..<30 { lines.append((Double(n) / 100, .stderr, "::span-begin request \(n)")) }
    let picture = Timeline.extract(from: run(wall: 1, lines)).textPicture(width: 60)
    #expect(picture.count == 1 + Timeline.maxTextLanes + 1)
    #expect(picture.last!.hasSuffix("…  6 more lanes"))
  }
}
