// Command-line arguments of scripts/seed.ts.
import { DEFAULT_AGENCY_COUNT, DEMO_SEED } from "../../lib/demo/generate";

export interface SeedArgs {
  agencies: number;
  reset: boolean;
  seed: number;
  check: boolean;
  help: boolean;
}

export const SEED_USAGE = `Usage: seed [--agencies N] [--reset] [--seed S] [--no-check]
  --agencies N  number of generated agencies (default ${DEFAULT_AGENCY_COUNT}; the sample reports' agencies are always included)
  --reset       remove existing reports and agencies first (agencies that user accounts point at are kept)
  --seed S      generator seed (default ${DEMO_SEED}); the same seed writes the same data
  --no-check    skip validating every generated revision (faster for large runs)`;

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const out: SeedArgs = { agencies: DEFAULT_AGENCY_COUNT, reset: false, seed: DEMO_SEED, check: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${SEED_USAGE}`);
      return v;
    };
    const int = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag}: not a whole number: ${v}\n${SEED_USAGE}`);
      return n;
    };
    switch (flag) {
      case "--agencies":
        out.agencies = int(value());
        break;
      case "--seed":
        out.seed = int(value());
        break;
      case "--reset":
        out.reset = true;
        break;
      case "--no-check":
        out.check = false;
        break;
      case "-h":
      case "--help":
        out.help = true;
        break;
      default:
        throw new Error(`unknown argument ${a}\n${SEED_USAGE}`);
    }
  }
  return out;
}
