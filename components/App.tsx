export function App() {
  return <main>Scrutiny</main>;
}
