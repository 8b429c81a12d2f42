/** The product shot: a drawn shell jacket in front of a ridge, so the demo needs no image files. */
export function JacketArt({ label }: { label: string }) {
  return (
    <svg viewBox="0 0 400 440" role="img" aria-label={label} width="100%" height="100%">
      <defs>
        <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#d9e6ef" />
          <stop offset="1" stopColor="#f4efe6" />
        </linearGradient>
        <linearGradient id="shell" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#3a6f92" />
          <stop offset="1" stopColor="#24506d" />
        </linearGradient>
      </defs>
      <rect width="400" height="440" fill="url(#sky)" />
      <path d="M0 300 L70 210 L120 250 L190 150 L250 230 L300 180 L400 280 L400 440 L0 440 Z" fill="#a9bccd" />
      <path d="M170 178 L190 150 L212 180 L200 175 L190 185 Z M285 195 L300 180 L318 198 L302 194 Z" fill="#fff" />
      <path d="M0 360 L90 290 L160 330 L240 270 L330 320 L400 300 L400 440 L0 440 Z" fill="#7f98ad" />
      <ellipse cx="200" cy="412" rx="120" ry="10" fill="#000" opacity="0.12" />
      <path d="M118 128 L92 150 L64 318 Q80 330 98 326 L128 204 Z" fill="url(#shell)" />
      <path d="M282 128 L308 150 L336 318 Q320 330 302 326 L272 204 Z" fill="url(#shell)" />
      <path d="M64 318 Q80 330 98 326 L100 312 Q82 314 68 304 Z M336 318 Q320 330 302 326 L300 312 Q318 314 332 304 Z" fill="#1b3d54" />
      <path d="M158 80 Q200 40 242 80 L252 112 L148 112 Z" fill="#2c5c7d" />
      <path d="M140 104 L260 104 L286 130 L284 398 Q200 412 116 398 L114 130 Z" fill="url(#shell)" />
      <path d="M116 384 Q200 398 284 384 L284 398 Q200 412 116 398 Z" fill="#1b3d54" />
      <path d="M166 100 L200 138 L234 100 Z" fill="#1b3d54" />
      <path d="M200 122 L200 404" stroke="#d4e0ea" strokeWidth="3" strokeLinecap="round" />
      <path d="M222 176 L258 168" stroke="#d4e0ea" strokeWidth="3" strokeLinecap="round" />
      <path d="M128 220 L134 300 M272 220 L266 300" stroke="#1b3d54" strokeWidth="2" opacity="0.6" />
      <circle cx="150" cy="180" r="7" fill="#f0a202" />
    </svg>
  );
}
