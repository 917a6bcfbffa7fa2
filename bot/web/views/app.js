// The Telegram Mini App: the same pages, with voting in the page. Telegram opens it with its
// launch data in the address's fragment (tgWebAppData); it goes with every call, and the server
// checks its signature. Outside Telegram there is none, and the page says where to vote instead.
(function () {
  var hash = new URLSearchParams(location.hash.slice(1));
  var initData = hash.get('tgWebAppData') || sessionStorage.getItem('tgWebAppData') || '';
  if (initData) sessionStorage.setItem('tgWebAppData', initData);
  // A VK Mini App is opened with its signed launch parameters in the query instead.
  var vkParams = /[?&]vk_user_id=/.test(location.search)
    ? location.search.slice(1)
    : sessionStorage.getItem('vkParams') || '';
  if (vkParams) sessionStorage.setItem('vkParams', vkParams);
  // Telegram's theme colours, as the Mini App guidelines ask.
  try {
    var theme = JSON.parse(
      hash.get('tgWebAppThemeParams') || sessionStorage.getItem('tgTheme') || '{}',
    );
    sessionStorage.setItem('tgTheme', JSON.stringify(theme));
    Object.keys(theme).forEach(function (k) {
      document.documentElement.style.setProperty('--tg-theme-' + k.replace(/_/g, '-'), theme[k]);
    });
  } catch {
    // No theme: the page keeps its own colours.
  }
  // Opened from a link to one entry (startapp=e17).
  var start = new URLSearchParams(initData).get('start_param') || '';
  var linked = /^e([1-9][0-9]{0,6})$/.exec(start);
  if (linked && location.pathname === '/app' && !sessionStorage.getItem('tgStarted')) {
    sessionStorage.setItem('tgStarted', '1');
    location.replace('/app/e/' + linked[1]);
    return;
  }
  function call(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.assign({ initData: initData, vkParams: vkParams }, body)),
    }).then(function (r) {
      return r.json();
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var answer = document.querySelector('.answer');
    var list = document.getElementById('my-votes');
    function showMine() {
      if (!list) return;
      if (!initData && !vkParams) {
        list.innerHTML = '<li></li>';
        list.firstChild.textContent = list.dataset.outside;
        return;
      }
      call('/app/my-votes', {}).then(function (r) {
        list.innerHTML = '';
        (r.votes || []).forEach(function (v) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/app/e/' + v.number;
          a.textContent = v.label;
          li.appendChild(a);
          list.appendChild(li);
        });
        if (!list.children.length) {
          list.innerHTML = '<li></li>';
          list.firstChild.textContent = list.dataset.none;
        }
      });
    }
    var deed = document.getElementById('deed');
    if (deed) {
      deed.addEventListener('submit', function (event) {
        event.preventDefault();
        if (!initData && !vkParams) {
          answer.textContent = list ? list.dataset.outside : '';
          return;
        }
        var data = new FormData(deed);
        data.append('initData', initData);
        data.append('vkParams', vkParams);
        var send = deed.querySelector('button[type=submit]');
        send.disabled = true;
        fetch('/app/submit', { method: 'POST', body: data })
          .then(function (r) {
            return r.json();
          })
          .then(function (r) {
            answer.textContent = r.message || '';
            if (r.ok) deed.reset();
          })
          .finally(function () {
            send.disabled = false;
          });
      });
    }
    document.querySelectorAll('button.vote').forEach(function (button) {
      button.addEventListener('click', function () {
        if (!initData && !vkParams) {
          answer.textContent = list ? list.dataset.outside : '';
          return;
        }
        button.disabled = true;
        call('/app/vote', { number: Number(button.dataset.number) })
          .then(function (r) {
            answer.textContent = r.message || '';
            var count = document.querySelector('.entry .votes');
            if (count && r.votes) count.textContent = r.votes;
            showMine();
          })
          .finally(function () {
            button.disabled = false;
          });
      });
    });
    showMine();
  });
})();
