/**
 * Password hashing is the one costly step anyone can trigger without an account. PBKDF2 runs on libuv's thread
 * pool (4 threads, shared with file I/O), so unbounded, 32 concurrent failed sign-ins queued every sign-in behind
 * them (7 s median). The gate runs at most `concurrency` hashes at once; a client key (the address) has at most
 * one hash waiting or running, so one client cannot fill the queue; and a sign-in from an address that has signed
 * this account in before goes ahead of strangers, whose queue is bounded, so many attacking addresses slow only
 * strangers. Refusals are decided before any hashing and cost nothing.
 */
export class KdfBusy extends Error {
  constructor(readonly reason: 'client_busy' | 'queue_full') {
    super(reason);
  }
}

interface Job {
  start: () => void;
}

export class KdfGate {
  private running = 0;
  private readonly known: Job[] = [];
  private readonly strangers: Job[] = [];
  private readonly clients = new Set<string>();

  constructor(
    readonly concurrency: number,
    readonly maxWaitingStrangers: number,
  ) {}

  async run<T>(client: string, priority: 'known' | 'stranger', work: () => Promise<T>): Promise<T> {
    if (this.clients.has(client)) throw new KdfBusy('client_busy');
    if (
      priority === 'stranger' &&
      this.running >= this.concurrency &&
      this.strangers.length >= this.maxWaitingStrangers
    )
      throw new KdfBusy('queue_full');
    this.clients.add(client);
    try {
      await this.turn(priority);
      try {
        return await work();
      } finally {
        this.running--;
        this.next();
      }
    } finally {
      this.clients.delete(client);
    }
  }

  private turn(priority: 'known' | 'stranger'): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      (priority === 'known' ? this.known : this.strangers).push({
        start: () => {
          this.running++;
          resolve();
        },
      }),
    );
  }

  private next() {
    const job = this.known.shift() ?? this.strangers.shift();
    job?.start();
  }
}
