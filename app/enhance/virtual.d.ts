/** The address of the built enhance script (scripts/vite/enhance-script-plugin.ts). */
declare module 'virtual:enhance-script' {
  const url: string;
  export default url;
}
