"""python-asyncio: a task per unit on one event loop, one thread.

Waits are ``asyncio.sleep`` and io goes through asyncio streams, so every wait overlaps and
no thread is held; computing runs on the loop's one thread, in turn, whatever P is.
"""

import asyncio

from . import base
from .. import payload as payloads

#: Tasks one run may create: a task costs about ten microseconds on CPython.
MAX_TASKS_PER_RUN = 200_000


class Asyncio(base.Model):
    id = "python-asyncio"

    def __init__(self, parallelism):
        super().__init__(parallelism)
        self.loop = asyncio.new_event_loop()

    def limit(self, workload):
        if workload.kind == "batch":
            return base.sockets_at_once(self.id, workload, workload.units)
        if workload.kind == "tree" and workload.nodes() > MAX_TASKS_PER_RUN:
            return ("nodes (width=%d, depth=%d) must be at most %s for %s, got %s: a task per node costs about ten"
                    " microseconds on CPython, most of a minute per operation"
                    % (workload.width, workload.depth, format(MAX_TASKS_PER_RUN, ","), self.id,
                       format(workload.nodes(), ",")))
        return None

    def _run(self, coroutine):
        return self.loop.run_until_complete(coroutine)

    def batch(self, batch):
        kernel = batch.kernel
        waits = hasattr(kernel, "run_async")

        async def unit(index):
            # a unit that waits awaits (asyncio.sleep, asyncio streams); one that computes runs on the loop's thread
            result = await kernel.run_async(index, batch.units) if waits else kernel.run(index, batch.units)
            if batch.payload:
                result += payloads.checksum(payloads.fill(index, batch.payload))
            return result

        return sum(self._run(_all([unit(index) for index in range(batch.units)])))

    def tree(self, tree):
        async def node(subtree):
            first, leaves = subtree
            if leaves == 1:
                return first
            return sum(await _all([node(child) for child in tree.children(subtree)]))

        return self._run(node(tree.root()))

    def relay(self, relay):
        async def ring():
            inboxes = [asyncio.Queue(maxsize=1) for _ in range(relay.workers)]

            async def worker(index):
                inbox, following = inboxes[index], inboxes[relay.next(index)]
                seen = -1
                for turn in relay.turns(index):
                    seen = 0 if turn == 0 else await inbox.get()
                    if seen == relay.hops:
                        break
                    await following.put(seen + 1)
                return seen

            return max(await _all([worker(index) for index in range(relay.workers)]))

        return self._run(ring())

    def contention(self, contention):
        async def contend():
            counter = [0] * contention.locks
            # asyncio has one lock, asyncio.Lock, for synchronized and reentrant alike; atomic is a plain
            # increment, which nothing can interrupt on one event loop between two awaits
            locks = [asyncio.Lock() for _ in range(contention.locks)]
            hold = contention.hold_ms / 1000

            async def worker(index):
                stripe = contention.stripe_of(index)
                if contention.lock == "atomic":
                    for _ in range(contention.updates):
                        counter[stripe] += 1
                    return
                lock = locks[stripe]
                for _ in range(contention.updates):
                    async with lock:
                        counter[stripe] += 1
                        if hold:
                            await asyncio.sleep(hold)

            await _all([worker(index) for index in range(contention.workers)])
            return sum(counter)

        return self._run(contend())

    def close(self):
        try:
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        finally:
            self.loop.close()


async def _all(coroutines):
    """Every coroutine as a task, their results in order; on the first failure the rest are cancelled."""
    tasks = [asyncio.ensure_future(coroutine) for coroutine in coroutines]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
