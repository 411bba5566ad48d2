// Example 'frames' of lessons/05-under-the-hood.md.
// Written by `swift run lesson-runner tangle`: edit the lesson, not this file.
import Foundation

/// The address of a variable, as a number.
func place<T>(of value: inout T) -> UInt {
    withUnsafeMutablePointer(to: &value) { UInt(bitPattern: $0) }
}

#if os(Linux)
/// The area of memory, from /proc/self/maps, that contains `address`.
func area(of address: UInt) -> ClosedRange<UInt>? {
    // FileHandle reads the whole file; a /proc file reports a size of zero.
    let file = FileHandle(forReadingAtPath: "/proc/self/maps")!
    let maps = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
    for line in maps.split(separator: "\n") {
        let bounds = line.prefix { $0 != " " }.split(separator: "-")
            .compactMap { UInt($0, radix: 16) }
        if bounds.count == 2, bounds[0] <= address, address < bounds[1] {
            return bounds[0]...bounds[1]
        }
    }
    return nil
}

/// The area that holds the calling thread's stack: where a local of an
/// ordinary function lives.
@inline(never) func thisThreadsStack() -> ClosedRange<UInt>? {
    var local = 0
    return area(of: place(of: &local))
}
#else
/// The calling thread's stack (macOS): from its top address down by its size.
func thisThreadsStack() -> ClosedRange<UInt>? {
    let thread = pthread_self()
    let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
    return (top - UInt(pthread_get_stacksize_np(thread)))...top
}
#endif
func ordinary() {
    var count = 0
    print("ordinary: count is on the thread's stack:",
          thisThreadsStack()?.contains(place(of: &count)) == true)
    count += 1
}

func counting() async {
    var count = 0
    let before = place(of: &count)
    print("async: count is on the thread's stack:",
          thisThreadsStack()?.contains(before) == true)
    try? await Task.sleep(for: .milliseconds(100))   // suspend, and resume later
    count += 1
    print("async: after the await, count is where it was:", place(of: &count) == before)
    print("async: and it still counts:", count)
}

ordinary()
await counting()
await Task.detached { await counting() }.value
