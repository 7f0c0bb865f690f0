import net from "node:net";
import { OperatorError } from "./fail";

export async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new OperatorError(`port ${port} is already in use`, `stop whatever is using it, or start on another port: PORT=${port + 1} npm start`));
      } else if (error.code === "EACCES") {
        reject(new OperatorError(`not allowed to listen on port ${port}`, "choose a port above 1023 with PORT=…"));
      } else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
