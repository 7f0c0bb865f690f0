"use client";

import dynamic from "next/dynamic";

/* The correction tool is for admins only: loaded when the page renders it for one, never for other readers. */
export const LazyCorrectionTool = dynamic(() => import("./correction-tool").then((module) => module.CorrectionTool), { ssr: false });
