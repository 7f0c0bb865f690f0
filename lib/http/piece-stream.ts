/**
 * A streamed body from pieces of text, started only once its first piece is made: whatever refuses the request (a
 * 401, a 404) happens while making that piece, so it becomes an error answer, not a cut-off file. The rest is pulled
 * piece by piece as the client takes them, and a client that goes away stops the generator.
 */
export async function pieceStream(pieces: AsyncGenerator<string>): Promise<ReadableStream<Uint8Array>> {
  const head = await pieces.next();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.done) controller.close();
      else controller.enqueue(encoder.encode(head.value));
    },
    async pull(controller) {
      const { value, done } = await pieces.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}
