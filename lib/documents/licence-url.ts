/** The licence the letter's source is shared under (GNU FDL 1.3): linked from the pages, named in every format. */
export const GFDL_URL = "https://www.gnu.org/licenses/fdl-1.3.html";
