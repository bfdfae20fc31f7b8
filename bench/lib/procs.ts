// The process helpers live in scripts/lib (the outside-in suite uses them too).
export * from "../../scripts/lib/procs";
