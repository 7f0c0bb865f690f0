// npm run build: the production build, stamped with its sources' fingerprint so `npm start` knows it is current.
import { exitWithError, step } from "./lib/fail";
import { ensureProductionBuild } from "./lib/run-next-build";

ensureProductionBuild()
  .then((built) => step(built ? "build: done" : "build: current, not rebuilt"))
  .catch(exitWithError);
