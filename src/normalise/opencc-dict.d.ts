// opencc-js ships its dictionary modules (`opencc-js/dict/*`, via the package's
// `./*` export) without type declarations; each one default-exports a
// "source target|source target" string.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
