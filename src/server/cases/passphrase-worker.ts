import { parentPort } from 'node:worker_threads';
import { Decrypter, Encrypter } from 'age-encryption';

/** Runs age's scrypt passphrase encryption off the main thread (see age-box.ts). */
parentPort!.on('message', async (job: { id: number; op: string; secret?: string; passphrase: string; workFactor?: number; box?: Uint8Array }) => {
  try {
    if (job.op === 'wrap') {
      const encrypter = new Encrypter();
      encrypter.setScryptWorkFactor(job.workFactor!);
      encrypter.setPassphrase(job.passphrase);
      parentPort!.postMessage({ id: job.id, result: await encrypter.encrypt(job.secret!) });
    } else {
      const decrypter = new Decrypter();
      decrypter.addPassphrase(job.passphrase);
      let result: string | undefined;
      try {
        result = await decrypter.decrypt(job.box!, 'text');
      } catch {
        result = undefined; // a wrong passphrase
      }
      parentPort!.postMessage({ id: job.id, result });
    }
  } catch {
    parentPort!.postMessage({ id: job.id, error: 'passphrase operation failed' });
  }
});
