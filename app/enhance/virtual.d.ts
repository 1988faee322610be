/** The address of the built enhance script (scripts/build/enhance-script-plugin.ts). */
declare module 'virtual:enhance-script' {
  const url: string;
  export default url;
}
