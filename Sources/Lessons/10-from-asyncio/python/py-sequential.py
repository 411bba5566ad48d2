# Example 'py-sequential' of lessons/10-from-asyncio.md.
# Written by `swift run lesson-runner tangle`: edit the lesson, not this file.



































































































































import asyncio
import sys
import time

def span(edge, name):
    print(f"::span-{edge} {name}", file=sys.stderr, flush=True)

async def say(what, when):
    span("begin", what)
    await asyncio.sleep(when)
    span("end", what)
    print(what)

async def main():
    await say("hi", 1)
    await say("hoi", 2)

start = time.monotonic()
asyncio.run(main())
print(f"took: {time.monotonic() - start:.2f} s")
