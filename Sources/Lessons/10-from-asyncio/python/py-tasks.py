# Example 'py-tasks' of lessons/10-from-asyncio.md.
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
    task1 = asyncio.create_task(say("hi", 1))
    task2 = asyncio.create_task(say("hoi", 2))
    await task1
    await task2

start = time.monotonic()
asyncio.run(main())
print(f"took: {time.monotonic() - start:.2f} s")
